export const provinces = [
  'Eastern Cape',
  'Free State',
  'Gauteng',
  'KwaZulu-Natal',
  'Limpopo',
  'Mpumalanga',
  'North West',
  'Northern Cape',
  'Western Cape',
];

/** Where most of the diaspora lives: the countries offered first. */
export const commonCountries = ['ZA', 'GB', 'US', 'BW', 'NA', 'AU', 'CA', 'IE', 'DE', 'AE'];

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
