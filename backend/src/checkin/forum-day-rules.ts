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
