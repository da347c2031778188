import type { AttendeeRole } from '@diaspora-forum/lists';
import type { AdmittedRow } from './arrivals.repository';

export interface ArrivalsSummary {
  days: { day: string; admitted: number; expected: number }[];
  byRole: { day: string; role: AttendeeRole; count: number }[];
  byCountry: { day: string; countryCode: string | null; count: number }[];
  byProvince: { day: string; region: string | null; count: number }[];
  curve: { day: string; at: string; count: number }[];
  conflicts: number;
  updatedAt: string;
}

const BUCKET_MS = 15 * 60 * 1000;

/** Counts admissions per day, role, country, South African province and 15-minute bucket. */
export function summarise(
  days: string[],
  expected: number,
  admitted: AdmittedRow[],
  conflicts: number,
  now: Date,
): ArrivalsSummary {
  const count = <K extends string>(key: (r: AdmittedRow) => [string, ...(string | null)[]] | null) => {
    const counts = new Map<string, { parts: (string | null)[]; count: number }>();
    for (const row of admitted) {
      const parts = key(row);
      if (!parts) continue;
      const id = JSON.stringify(parts);
      const entry = counts.get(id) ?? { parts, count: 0 };
      entry.count += 1;
      counts.set(id, entry);
    }
    return [...counts.values()]
      .sort((a, b) => (a.parts[0]! < b.parts[0]! ? -1 : a.parts[0]! > b.parts[0]! ? 1 : b.count - a.count))
      .map((e) => ({ parts: e.parts as [K, ...(string | null)[]], count: e.count }));
  };
  const perDay = new Map(days.map((d) => [d, 0]));
  for (const row of admitted) perDay.set(row.day, (perDay.get(row.day) ?? 0) + 1);
  return {
    days: [...perDay].map(([day, n]) => ({ day, admitted: n, expected })),
    byRole: count((r) => [r.day, r.role]).map(({ parts: [day, role], count }) => ({ day, role: role as AttendeeRole, count })),
    byCountry: count((r) => [r.day, r.countryCode]).map(({ parts: [day, countryCode], count }) => ({
      day,
      countryCode,
      count,
    })),
    byProvince: count((r) => (r.countryCode === 'ZA' ? [r.day, r.region] : null)).map(({ parts: [day, region], count }) => ({
      day,
      region,
      count,
    })),
    curve: count((r) => [r.day, new Date(Math.floor(r.scannedAt.getTime() / BUCKET_MS) * BUCKET_MS).toISOString()])
      .map(({ parts: [day, at], count }) => ({ day, at: at!, count }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    conflicts,
    updatedAt: now.toISOString(),
  };
}
