export { mainCountries, southAfricanProvinces as provinces } from '$lib/countries';

export type CallSheetSource = { segmentId: string } | { country: string; region: string };

/** The download address of a call sheet; the browser sends the session cookie with it. */
export function callSheetUrl(format: 'csv' | 'pdf', source: CallSheetSource): string {
  const query = new URLSearchParams();
  if ('segmentId' in source) query.set('segmentId', source.segmentId);
  else {
    query.set('countries', source.country.trim().toUpperCase());
    if (source.region.trim()) query.set('regions', source.region.trim());
  }
  return `/api/v1/outreach/call-sheet/${format}?${query}`;
}
