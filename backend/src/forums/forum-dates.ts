import type { Forum } from './forum.entity';

const intlLocale = (locale: string) => (locale === 'st' ? 'st-LS' : 'en-GB');

/** "Thursday 8 April – Friday 9 April 2027" in the reader's language (calendar dates, so no time zone shift). */
export function formatForumDays(forum: Pick<Forum, 'startDate' | 'endDate'>, locale: string): string {
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(new Date(`${forum.startDate}T00:00:00Z`), new Date(`${forum.endDate}T00:00:00Z`));
}

export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A moment as the forum's clock shows it, e.g. the RSVP deadline: "Thursday 25 March 2027 at 23:59 (Africa/Maseru)". */
export function formatForumTime(at: Date, forum: Pick<Forum, 'timezone'>, locale: string): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: forum.timezone,
  }).format(at);
  return `${text} (${forum.timezone})`;
}
