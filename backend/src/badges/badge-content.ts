import type { Attendee } from '../attendees/attendees.service';
import type { Forum } from '../forums/forums.service';
import type { BadgeContent, BadgeForum } from './badge-drawing';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The forum as badges print it: its name and days ("8–9 April 2027"; the days are already the forum's calendar dates). */
export function badgeForum(forum: Pick<Forum, 'name' | 'startDate' | 'endDate'>): BadgeForum {
  const start = new Date(`${forum.startDate}T00:00:00Z`);
  const end = new Date(`${forum.endDate}T00:00:00Z`);
  return { name: forum.name, dates: dayMonthYear.formatRange(start, end) };
}

/** "South Africa · Gauteng": the country's full name and the province or region. */
export function placeOf(countryCode: string | null, region: string | null): string | null {
  let country: string | null = null;
  if (countryCode) {
    try {
      country = countryNames.of(countryCode.toUpperCase()) ?? countryCode;
    } catch {
      country = countryCode;
    }
  }
  return [country, region?.trim() || null].filter(Boolean).join(' · ') || null;
}

export function badgeContent(attendee: Attendee, qrText: string): BadgeContent {
  return {
    role: attendee.role,
    firstName: attendee.firstName,
    lastName: attendee.lastName,
    place: placeOf(attendee.countryCode, attendee.region),
    badgeNumber: attendee.badgeNumber,
    qrText,
  };
}
