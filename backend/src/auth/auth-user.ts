import type { StaffRole, User } from './entities/user.entity';

export type { StaffRole } from './entities/user.entity';

/** Who is calling: what the guard attaches to the request after checking the session. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  countries: string[];
  /** The signed-in device (its session's public id); absent outside a request. */
  deviceId?: string;
}

export function toAuthUser(user: User): AuthUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, countries: user.countries };
}
