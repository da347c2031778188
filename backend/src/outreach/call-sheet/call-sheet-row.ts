import type { Member } from '../../register/register.service';
import type { Language, OutreachOutcome } from '../../register/register.constants';
import { whatsappLink } from '../whatsapp-link';

/** One line of a call sheet: who to call, where they live, how they want to be spoken to, and what happened last time. */
export interface CallSheetRow {
  memberId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  whatsapp: string | null;
  whatsappLink: string | null;
  countryCode: string;
  region: string | null;
  city: string | null;
  preferredLanguage: Language;
  consentInvitations: boolean;
  consentUpdates: boolean;
  lastOutcome: OutreachOutcome | null;
  lastContactedAt: Date | null;
}

/** The words the console shows too: one copy, in @diaspora-forum/lists. */
export { languageLabels, outreachOutcomeLabels as outcomeLabels } from '@diaspora-forum/lists';

export function toCallSheetRow(member: Member, last: { outcome: OutreachOutcome; contactedAt: Date } | undefined): CallSheetRow {
  return {
    memberId: member.id,
    firstName: member.firstName,
    lastName: member.lastName,
    phone: member.phone,
    whatsapp: member.whatsapp,
    whatsappLink: whatsappLink(member),
    countryCode: member.countryCode,
    region: member.region,
    city: member.city,
    preferredLanguage: member.preferredLanguage,
    consentInvitations: member.consentInvitations,
    consentUpdates: member.consentUpdates,
    lastOutcome: last?.outcome ?? null,
    lastContactedAt: last?.contactedAt ?? null,
  };
}

/** "Invitations, updates", "Invitations", "Updates" or "None". */
export function consentLabel(row: Pick<CallSheetRow, 'consentInvitations' | 'consentUpdates'>): string {
  const given = [row.consentInvitations && 'invitations', row.consentUpdates && 'updates'].filter(Boolean).join(', ');
  return given ? given[0].toUpperCase() + given.slice(1) : 'None';
}
