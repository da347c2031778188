/** The calendar day (YYYY-MM-DD) at `now` in a timezone such as Africa/Maseru. */
export function dayIn(timezone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day a door opens on by default: today at the venue when it is a forum day, else the next forum day, else the last. */
export function defaultDay(days: readonly string[], timezone: string, now: Date = new Date()): string | null {
  if (days.length === 0) return null;
  const today = dayIn(timezone, now);
  return days.includes(today) ? today : (days.find((d) => d > today) ?? days[days.length - 1]);
}

/** "just now", "2 min ago", "3 h ago": how old the door's data is. */
export function age(since: Date | string, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(since).getTime()) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** A time of day at the venue, e.g. "09:41". */
export function timeAt(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function isoNow(): string {
  return new Date().toISOString();
}
