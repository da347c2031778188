import { t, type Locale, type MessageKey } from '$lib/i18n/i18n.svelte';

/** "8 April 2027" in the reader's language, from a forum day (YYYY-MM-DD). */
export function formatDay(day: string, locale: Locale): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${t(`agenda.month.${m}` as MessageKey, {}, locale)} ${y}`;
}

/** Sessions under each forum day, in time order; days without sessions are kept (and say so). */
export function byDay<S extends { day: string; startsAt: string }>(
  days: string[],
  sessions: S[],
): { day: string; sessions: S[] }[] {
  return days.map((day) => ({
    day,
    sessions: sessions.filter((s) => s.day === day).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  }));
}

export const calendarUrl = (slug: string) => `/api/v1/public/agenda/${encodeURIComponent(slug)}/calendar.ics`;
export const sessionCalendarUrl = (slug: string, sessionId: string) =>
  `/api/v1/public/agenda/${encodeURIComponent(slug)}/sessions/${sessionId}/calendar.ics`;
