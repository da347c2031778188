import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/** A datetime-local value ("2027-03-25T23:59") read as wall time in the forum's zone, as an ISO instant. */
export function deadlineToIso(local: string, timeZone: string): string | null {
  if (!local) return null;
  const instant = fromZonedTime(local, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The stored instant shown as wall time in the forum's zone, for a datetime-local input. */
export function isoToDeadline(iso: string | null, timeZone: string): string {
  return iso ? formatInTimeZone(new Date(iso), timeZone, "yyyy-MM-dd'T'HH:mm") : '';
}
