import type { Schemas } from '$lib/api/client';

export const PAGE_SIZE = 20;

type Place = Pick<Schemas['DuplicateMemberDto'], 'city' | 'region' | 'countryCode'>;

/** "Johannesburg, Gauteng, ZA" */
export const formatPlace = (m: Place): string => [m.city, m.region, m.countryCode].filter(Boolean).join(', ');

export const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Africa/Maseru' }).format(new Date(iso));

export const sourceLabels: Record<string, string> = {
  import: 'imported',
  self: 'self-registered',
  registrar: 'added by staff',
  walk_in: 'walk-in',
  nomination: 'from a nomination',
  seed: 'demo data',
};
