import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { type AuditActor, AuditTrail } from '../logging/audit/audit-trail';
import { type StaffRole, User } from './entities/user.entity';
import type { AuthUser } from './auth-user';
import { PasswordHasher } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  role: StaffRole;
  countries?: string[];
}

export type StaffAccount = User & { lockedUntil: Date | null };

export interface UpdateUserInput {
  name?: string;
  password?: string;
  role?: StaffRole;
  countries?: string[];
  active?: boolean;
}

/** Staff accounts, managed by organisers. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<User[]> {
    return this.users.list();
  }

  /** Staff accounts as organisers see them, with the end of any sign-in lock. */
  async listWithLocks(): Promise<StaffAccount[]> {
    const users = await this.users.list();
    const locks = await this.throttle.lockedUntil(users);
    return users.map((user) => Object.assign(user, { lockedUntil: locks.get(user.id) ?? null }));
  }

  async getWithLock(id: string): Promise<StaffAccount> {
    const user = await this.get(id);
    const locks = await this.throttle.lockedUntil([user]);
    return Object.assign(user, { lockedUntil: locks.get(user.id) ?? null });
  }

  /** Lifts a sign-in lock before it ends (the person was locked out by their own typing, or by someone guessing). */
  async unlock(actor: AuthUser, id: string): Promise<StaffAccount> {
    const user = await this.get(id);
    await this.throttle.unlock(actor, user);
    return Object.assign(user, { lockedUntil: null });
  }

  /** Staff names by id, for showing who did what (outreach log); unknown ids are left out. */
  namesByIds(ids: string[]): Promise<Map<string, string>> {
    return this.users.namesByIds([...new Set(ids)]);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  /** `by` is the organiser adding the account; left out for the first organiser (setup, command line). */
  async create(input: CreateUserInput, by: AuditActor = 'system'): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const countries = checkCountries(input.role, input.countries ?? []);
    if (await this.users.findByEmail(email)) {
      throw DomainError.conflict('A staff account with this email already exists', { email: ['already in use'] });
    }
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.users.create({ email, name: input.name.trim(), passwordHash, role: input.role, countries });
    await this.audit.record({
      action: 'staff.created',
      actor: by,
      target: { type: 'user', id: user.id },
      summary: staffSummary(user),
    });
    return user;
  }

  async update(by: { id: string; role: StaffRole }, id: string, input: UpdateUserInput): Promise<User> {
    const actorId = by.id;
    const user = await this.get(id);
    const before = { role: user.role, countries: user.countries.join(','), active: user.active };
    const role = input.role ?? user.role;
    const active = input.active ?? user.active;
    if (user.role === 'organiser' && user.active && (role !== 'organiser' || !active)) {
      if (actorId === id) throw DomainError.conflict('You cannot demote or disable your own account');
      if ((await this.users.countActive('organiser')) <= 1)
        throw DomainError.conflict('At least one active organiser must remain');
    }
    user.countries = checkCountries(role, input.countries ?? (role === 'registrar' ? user.countries : []));
    user.role = role;
    user.active = active;
    if (input.name !== undefined) user.name = input.name.trim();
    if (input.password !== undefined) user.passwordHash = await this.hasher.hash(input.password);
    const saved = await this.users.save(user);
    const changed = [
      ...(before.role !== saved.role ? ['role'] : []),
      ...(before.countries !== saved.countries.join(',') ? ['countries'] : []),
      ...(before.active !== saved.active ? ['status'] : []),
      ...(input.name !== undefined ? ['name'] : []),
      ...(input.password !== undefined ? ['password'] : []),
    ];
    const disabled = before.active && !saved.active;
    await this.audit.record({
      action: disabled ? 'staff.disabled' : 'staff.updated',
      actor: by,
      target: { type: 'user', id },
      summary: `changed ${changed.join(', ') || 'nothing'}; ${staffSummary(saved)}`,
    });
    // A changed password, role or status must not leave old sessions carrying the old rights.
    if (input.password !== undefined || input.role !== undefined || input.active === false || input.countries !== undefined) {
      await this.sessions.deleteForUser(id);
    }
    return saved;
  }
}

function checkCountries(role: StaffRole, countries: string[]): string[] {
  const unique = [...new Set(countries.map((c) => c.toUpperCase()))];
  if (role === 'registrar' && unique.length === 0) {
    throw DomainError.validation({ countries: ['a registrar needs at least one country'] });
  }
  if (role !== 'registrar' && unique.length > 0) {
    throw DomainError.validation({ countries: ['only registrars are scoped to countries'] });
  }
  return unique.sort();
}

/** Role, countries and status: what an account may do, never who it is. */
function staffSummary(user: Pick<User, 'role' | 'countries' | 'active'>): string {
  return `role ${user.role}${user.countries.length ? ` (${user.countries.join(' ')})` : ''}; ${user.active ? 'active' : 'disabled'}`;
}
