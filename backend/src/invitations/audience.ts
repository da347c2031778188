import type { Member } from '../register/register.service';

export const skipReasons = ['no_email', 'no_consent', 'not_confirmed', 'already_invited'] as const;
export type SkipReason = (typeof skipReasons)[number];

/** Why a member of the audience will not get the invitation, or null when they will. */
export function skipReason(
  member: Pick<Member, 'email' | 'consentInvitations' | 'status'>,
  alreadyInvited: boolean,
): SkipReason | null {
  if (alreadyInvited) return 'already_invited';
  if (member.status !== 'active') return 'not_confirmed';
  if (!member.email) return 'no_email';
  if (!member.consentInvitations) return 'no_consent';
  return null;
}
