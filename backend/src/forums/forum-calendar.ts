import { fromZonedTime } from 'date-fns-tz';
import icalGenerator, { ICalCalendarMethod } from 'ical-generator';
import type { Forum } from './forum.entity';

/** Forum days run these hours (forum time) in calendars until the agenda says otherwise. */
export const DAY_HOURS = { start: '08:00', end: '17:00' };

/**
 * The forum as an iCalendar file: one event per day the person attends, in UTC, so Google,
 * Outlook and Apple calendars all show it at the right local time.
 */
export function forumCalendar(forum: Pick<Forum, 'id' | 'name' | 'venue' | 'timezone'>, days: string[], url: string): string {
  const calendar = icalGenerator({
    name: forum.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Lesotho Diaspora Directorate', product: 'Diaspora Forum' },
  });
  for (const day of days) {
    calendar.createEvent({
      id: `${forum.id}-${day}@diaspora-forum`,
      start: fromZonedTime(`${day}T${DAY_HOURS.start}:00`, forum.timezone),
      end: fromZonedTime(`${day}T${DAY_HOURS.end}:00`, forum.timezone),
      summary: forum.name,
      location: forum.venue,
      url,
    });
  }
  return calendar.toString();
}
