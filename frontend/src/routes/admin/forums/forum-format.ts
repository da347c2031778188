import type { Forum } from '$lib/api/client';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Thu, 8 April 2027 – Fri, 9 April 2027": calendar dates, so formatted in UTC to keep the day. */
export function formatDays(forum: Pick<Forum, 'startDate' | 'endDate'>): string {
  const start = dayFormat.format(new Date(`${forum.startDate}T00:00:00Z`));
  if (forum.startDate === forum.endDate) return start;
  return `${start} – ${dayFormat.format(new Date(`${forum.endDate}T00:00:00Z`))}`;
}
