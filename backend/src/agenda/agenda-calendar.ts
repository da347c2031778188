import icalGenerator, { ICalCalendarMethod } from 'ical-generator';
import type { Forum } from '../forums/forums.service';
import type { PublicSession } from './public-agenda.service';

export interface CalendarLinks {
  agenda: string;
  session: (sessionId: string) => string;
}

/**
 * Published sessions as an iCalendar feed (RFC 5545, written by ical-generator: CRLF, folding,
 * escaping). Times are UTC ("Z"), so Google, Outlook and Apple show them at the right local time
 * without a VTIMEZONE; SEQUENCE and LAST-MODIFIED let calendars replace an event that moved.
 */
export function agendaCalendar(
  forum: Pick<Forum, 'name' | 'venue'>,
  sessions: PublicSession[],
  links: CalendarLinks,
  now: Date,
  name = forum.name,
): string {
  const calendar = icalGenerator({
    name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Lesotho Diaspora Directorate', product: 'Diaspora Forum agenda', language: 'EN' },
    url: links.agenda,
  });
  for (const { session, room, presenters } of sessions) {
    const names = presenters.map((p) => p.name).join(', ');
    calendar.createEvent({
      id: `${session.id}@diaspora-forum`,
      sequence: session.sequence,
      stamp: now,
      lastModified: session.updatedAt,
      start: session.startsAt,
      end: session.endsAt,
      summary: session.title,
      description: [session.abstract, names ? `Presenters: ${names}` : null].filter(Boolean).join('\n\n') || null,
      location: `${room.name}, ${forum.venue}`,
      url: links.session(session.id),
    });
  }
  return calendar.toString();
}
