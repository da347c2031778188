import type { FieldErrors } from '../common/domain-error';
import { daysBetween } from '../forums/forum-days';

/** How far ahead of the server's clock a door device's scan time may be. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function forumDays(forum: { startDate: string; endDate: string }): string[] {
  return daysBetween(forum.startDate, forum.endDate);
}

export function dayErrors(days: string[], day: string, field = 'day'): FieldErrors {
  return days.includes(day) ? {} : { [field]: [`not a day of this forum (${days.join(', ')})`] };
}

/**
 * The tolerance around a forum day for a scan's time: from 22:00 the evening before (staff arriving
 * early, set-up) to 06:00 the morning after (an evening event running past midnight).
 */
export const DAY_TOLERANCE = { beforeMs: 2 * 3600_000, afterMs: 6 * 3600_000 } as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of a moment in a time zone. */
export function dateIn(timezone: string, at: Date): string {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, format);
  }
  return format.format(at);
}

/** Whether a scan at `at` can belong to the forum day `day` (in the forum's time zone, with DAY_TOLERANCE). */
export function onForumDay(at: Date, day: string, timezone: string): boolean {
  const t = at.getTime();
  return (
    dateIn(timezone, at) === day ||
    dateIn(timezone, new Date(t + DAY_TOLERANCE.beforeMs)) === day ||
    dateIn(timezone, new Date(t - DAY_TOLERANCE.afterMs)) === day
  );
}
