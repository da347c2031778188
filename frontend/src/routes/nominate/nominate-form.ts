import type { Schemas } from '$lib/api/client';
import { translateFieldErrors } from '$lib/i18n/api-messages';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';

export interface NominationFormValue {
  kind: Schemas['PublicNominatorKind'];
  nominee: {
    firstName: string;
    lastName: string;
    email: string;
    phone: string;
    countryCode: string;
    region: string;
    city: string;
    occupation: string;
  };
  nominator: { name: string; email: string; phone: string };
  /** '' until one is chosen. */
  category: Schemas['NominationCategory'] | '';
  topic: string;
  summary: string;
  consentToPublish: boolean;
  joinRegister: boolean;
  nomineeAware: boolean;
  agree: boolean;
}

export function emptyNomination(): NominationFormValue {
  return {
    kind: 'self',
    nominee: { firstName: '', lastName: '', email: '', phone: '', countryCode: 'ZA', region: '', city: '', occupation: '' },
    nominator: { name: '', email: '', phone: '' },
    category: '',
    topic: '',
    summary: '',
    consentToPublish: true,
    joinRegister: true,
    nomineeAware: false,
    agree: false,
  };
}

const optional = (s: string) => (s.trim() ? s.trim() : undefined);

/**
 * The body of POST /api/v1/public/nominations: blanks left out, the other kind's fields not sent;
 * null while no category is chosen (the API takes only one of its categories).
 */
export function toRequest(
  v: NominationFormValue,
  locale: Schemas['Language'],
  forumSlug: string,
  website: string,
): Schemas['PublicNominationDto'] | null {
  const self = v.kind === 'self';
  const n = v.nominee;
  if (!v.category) return null;
  return {
    forumSlug,
    nominatorKind: v.kind,
    locale,
    category: v.category,
    topic: v.topic.trim(),
    summary: v.summary.trim(),
    nominee: {
      firstName: n.firstName.trim(),
      lastName: n.lastName.trim(),
      email: optional(n.email),
      phone: optional(n.phone),
      countryCode: n.countryCode,
      region: optional(n.region),
      city: optional(n.city),
      occupation: optional(n.occupation),
    },
    nominator: self
      ? undefined
      : { name: v.nominator.name.trim(), email: v.nominator.email.trim(), phone: optional(v.nominator.phone) },
    consentToContact: self ? true : undefined,
    consentToPublish: self ? v.consentToPublish : undefined,
    joinRegister: self ? v.joinRegister : undefined,
    nomineeAware: self ? undefined : v.nomineeAware,
    agree: v.agree,
    website: optional(website),
  };
}

// The API's English field messages for this form, by how they begin, in the reader's language.
const known: [prefix: string, key: MessageKey][] = [
  ['enter your email address, so we can reply', 'nominate.error.selfEmail'],
  ['tell us who you are', 'nominate.error.nominator'],
  ['enter your name', 'nominate.error.name'],
  ['enter a proposed topic', 'nominate.error.topic'],
  ['tell us a little more', 'nominate.error.summary'],
  ['please tell the nominee first', 'nominate.error.aware'],
  ['we can only take the nomination', 'nominate.error.agree'],
  ['must be one of', 'nominate.error.category'],
  ['choose a country', 'apiError.country'],
];

export function translateNominationErrors(fields: Record<string, string[]>): Record<string, string[]> {
  const one = (message: string): string => {
    const match = known.find(([prefix]) => message.startsWith(prefix));
    return match ? t(match[1]) : translateFieldErrors({ field: [message] }).field[0];
  };
  return Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, messages.map(one)]));
}

/** "8–9 April 2027" in the reader's language, from the forum's calendar dates. */
export function formatForumDates(startDate: string, endDate: string, locale: string): string {
  const month = (m: number) => t(`agenda.month.${m}` as MessageKey, {}, locale === 'st' ? 'st' : 'en');
  const [y1, m1, d1] = startDate.split('-').map(Number);
  const [y2, m2, d2] = endDate.split('-').map(Number);
  if (startDate === endDate) return `${d1} ${month(m1)} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${month(m1)} ${y1}`;
  if (y1 === y2) return `${d1} ${month(m1)} – ${d2} ${month(m2)} ${y1}`;
  return `${d1} ${month(m1)} ${y1} – ${d2} ${month(m2)} ${y2}`;
}
