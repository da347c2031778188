import { t, type MessageKey } from './i18n.svelte';

// The API words its field messages in English, for staff and logs. Member-facing pages show
// them in the member's language: each known message (by how it begins) has a translation key.
const known: [prefix: string, key: MessageKey][] = [
  ['enter a first name', 'apiError.firstName'],
  ['enter a surname', 'apiError.lastName'],
  ['enter a valid email', 'apiError.email'],
  ['not a valid email', 'apiError.email'],
  ['give at least an email', 'apiError.email'],
  ['not a valid phone number', 'apiError.phone'],
  ['enter the country', 'apiError.country'],
  ['use a two-letter country code', 'apiError.country'],
  ['choose the province', 'apiError.province'],
  ['not a South African province', 'apiError.province'],
  ['we can only register you', 'apiError.agree'],
  ['use at most', 'apiError.tooLong'],
  ['already registered', 'apiError.duplicate'],
];

/** Field messages in the reader's language; a message we do not know is shown as the API wrote it. */
export function translateFieldErrors(fields: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, messages]) => [
      field,
      messages.map((m) => {
        const match = known.find(([prefix]) => m.startsWith(prefix));
        return match ? t(match[1]) : m;
      }),
    ]),
  );
}
