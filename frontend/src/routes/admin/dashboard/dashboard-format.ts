const numbers = new Intl.NumberFormat('en-GB');
const percents = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

export const formatCount = (n: number): string => numbers.format(n);

/** "42%", or "—" when there is nothing to divide by. */
export const formatShare = (part: number, whole: number | null): string => (whole ? percents.format(part / whole) : '—');

export { countryName } from '$lib/countries';

/** "16 Mar" for a week's Monday (YYYY-MM-DD, UTC). */
export function formatWeek(weekStart: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${weekStart}T00:00:00Z`),
  );
}
