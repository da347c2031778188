import type { DoorAttendee } from './door-data';

/** Lower case, no diacritics, letters and digits only: "Ntšekhe" and "ntsekhe" meet here. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchEntry {
  attendee: DoorAttendee;
  /** Both names, normalised, each word after a space: what search matches. */
  key: string;
  /** Surname first, normalised: the order results are listed in. */
  sortKey: string;
}

/** The attendees ready to search, in surname order. */
export function buildSearchList(attendees: Iterable<DoorAttendee>): SearchEntry[] {
  const list = Array.from(attendees, (attendee) => {
    const first = normalise(attendee.firstName);
    const last = normalise(attendee.lastName);
    return { attendee, key: ` ${first} ${last} `, sortKey: `${last} ${first}` };
  });
  return list.sort((a, b) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.attendee.badgeNumber - b.attendee.badgeNumber,
  );
}

/**
 * Attendees matching what door staff typed: every word must start a word of the name ("lin ntse"
 * finds "Lineo Ntšekhe"), or digits match the last digits of the phone (or the badge number).
 */
export function searchAttendees(list: readonly SearchEntry[], query: string, limit = 20): DoorAttendee[] {
  const q = normalise(query);
  if (!q) return [];
  const found: DoorAttendee[] = [];
  if (/^[\d ]+$/.test(q)) {
    const digits = q.replace(/ /g, '');
    const tail = digits.slice(-4);
    for (const { attendee: a } of list) {
      const phone = a.phoneTail !== null && (digits.length >= 4 ? a.phoneTail === tail : a.phoneTail.endsWith(digits));
      if (phone || String(a.badgeNumber) === digits) found.push(a);
      if (found.length === limit) break;
    }
    return found;
  }
  const words = q.split(' ').map((w) => ` ${w}`);
  for (const { attendee, key } of list) {
    if (words.every((w) => key.includes(w))) found.push(attendee);
    if (found.length === limit) break;
  }
  return found;
}
