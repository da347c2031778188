import type { DayCount } from './dashboard.repository';

export interface WeekCount {
  /** The Monday starting the week, YYYY-MM-DD (UTC). */
  weekStart: string;
  added: number;
  /** Live members added up to the end of this week. */
  cumulative: number;
}

const DAY_MS = 86_400_000;

export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Folds members added per day into the last `weeks` weeks up to `now`, with a running total that
 * includes everyone added before the first week shown. Weeks with no additions are listed too.
 */
export function weeklyGrowth(days: DayCount[], now: Date, weeks: number): WeekCount[] {
  const lastWeek = mondayOf(now.toISOString().slice(0, 10));
  const firstWeek = new Date(Date.parse(`${lastWeek}T00:00:00Z`) - (weeks - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  const added = new Map<string, number>();
  let before = 0;
  for (const { day, added: n } of days) {
    const week = mondayOf(day);
    if (week < firstWeek) before += n;
    else added.set(week, (added.get(week) ?? 0) + n);
  }
  const result: WeekCount[] = [];
  let cumulative = before;
  for (let i = 0; i < weeks; i++) {
    const weekStart = new Date(Date.parse(`${firstWeek}T00:00:00Z`) + i * 7 * DAY_MS).toISOString().slice(0, 10);
    const n = added.get(weekStart) ?? 0;
    cumulative += n;
    result.push({ weekStart, added: n, cumulative });
  }
  return result;
}
