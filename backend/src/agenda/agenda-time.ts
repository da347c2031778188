import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/** A wall-clock time on a forum day, in the forum's zone, as the UTC instant that is stored. */
export function zonedToUtc(day: string, time: string, zone: string): Date {
  return fromZonedTime(`${day}T${time}:00`, zone);
}

/** The forum day (YYYY-MM-DD) and clock time (HH:mm) an instant falls on in the forum's zone. */
export function utcToZoned(at: Date, zone: string): { day: string; time: string } {
  return { day: formatInTimeZone(at, zone, 'yyyy-MM-dd'), time: formatInTimeZone(at, zone, 'HH:mm') };
}

/** Half-open intervals: a session ending at 10:30 and one starting at 10:30 do not clash. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}
