/** The moment a forum's data is due for de-identification: the end of its last day (UTC) plus the months. */
export function retentionDueAt(endDate: string, months: number): Date {
  const [y, m, d] = endDate.split('-').map(Number);
  // Day overflow is what we want: the 31st plus a month lands early in the month after.
  return new Date(Date.UTC(y, m - 1 + months, d + 1));
}

/** The next daily run time at `hourUtc` strictly after `now`. */
export function nextDailyRun(now: Date, hourUtc: number): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}
