import type { AuthUser } from '../auth/auth-user';

/**
 * The countries a staff user may see in the register: null for everything (organisers), the
 * user's own list for registrars. Door staff see no register at all (their routes are closed).
 */
export function countriesVisibleTo(user: AuthUser): string[] | null {
  return user.role === 'registrar' ? user.countries : null;
}

export function canSeeCountry(user: AuthUser, countryCode: string): boolean {
  const visible = countriesVisibleTo(user);
  return visible === null || visible.includes(countryCode);
}
