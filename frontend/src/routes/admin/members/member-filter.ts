import { memberSorts as sorts } from '@diaspora-forum/lists';
import type { Schemas } from '$lib/api/client';
import { countryName } from '$lib/countries';
import { channelLabels, languageLabels, sectorLabels, sourceLabels, statusLabels } from './register-options';

export type SegmentFilter = Schemas['SegmentFilterDto'];
export type MemberSort = Schemas['MemberSort'];
export type SortDirection = Schemas['SortDirection'];

/** What the member list shows: a filter, a page and an order. It lives in the URL, so it can be shared and saved. */
export interface ListState {
  filter: SegmentFilter;
  page: number;
  pageSize: number;
  sort: MemberSort;
  direction: SortDirection;
}

export const PAGE_SIZE = 50;
const listKeys = ['countries', 'regions', 'sectors', 'channels', 'languages', 'sources', 'statuses'] as const;
const booleanKeys = ['consentInvitations', 'consentUpdates', 'hasEmail', 'hasPhone'] as const;

/** Reads a filter from URL parameters (lists as repeated keys, booleans as "true"/"false"). */
export function filterFromParams(params: URLSearchParams): SegmentFilter {
  const filter: Record<string, unknown> = {};
  for (const key of listKeys) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filter[key] = values;
  }
  for (const key of booleanKeys) {
    const value = params.get(key);
    if (value === 'true' || value === 'false') filter[key] = value === 'true';
  }
  const text = params.get('text')?.trim();
  if (text) filter.text = text;
  return filter as SegmentFilter;
}

export function listStateFromParams(params: URLSearchParams): ListState {
  const page = Number(params.get('page'));
  const sort = params.get('sort') as MemberSort;
  return {
    filter: filterFromParams(params),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
    sort: sorts.includes(sort) ? sort : 'name',
    direction: params.get('direction') === 'desc' ? 'desc' : 'asc',
  };
}

/** The filter as URL parameters, the same way the API reads them; empty fields are left out. */
export function filterParams(filter: SegmentFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of listKeys) for (const value of filter[key] ?? []) params.append(key, value);
  for (const key of booleanKeys) if (filter[key] !== undefined) params.set(key, String(filter[key]));
  if (filter.text?.trim()) params.set('text', filter.text.trim());
  return params;
}

/** The list's URL parameters: the filter, then the page and order when they are not the defaults. */
export function listParams(state: Omit<ListState, 'pageSize'>): URLSearchParams {
  const params = filterParams(state.filter);
  if (state.sort !== 'name') params.set('sort', state.sort);
  if (state.direction !== 'asc') params.set('direction', state.direction);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

export function isEmptyFilter(filter: SegmentFilter): boolean {
  return filterParams(filter).toString() === '';
}

/** A filter in a few words, e.g. "South Africa · Gauteng · Health · consented to invitations". */
export function describeFilter(filter: SegmentFilter): string {
  const parts: string[] = [];
  const list = <T extends string>(values: T[] | undefined, label: (v: T) => string) => {
    if (values?.length) parts.push(values.map(label).join(' or '));
  };
  list(filter.countries, (c) => countryName(c));
  list(filter.regions, (r) => r);
  list(filter.sectors, (s) => sectorLabels[s] ?? s);
  list(filter.channels, (c) => `prefers ${channelLabels[c] ?? c}`);
  list(filter.languages, (l) => languageLabels[l] ?? l);
  list(filter.sources, (s) => sourceLabels[s] ?? s);
  list(filter.statuses, (s) => statusLabels[s] ?? s);
  const flag = (value: boolean | undefined, yes: string, no: string) => {
    if (value !== undefined) parts.push(value ? yes : no);
  };
  flag(filter.consentInvitations, 'consented to invitations', 'no consent to invitations');
  flag(filter.consentUpdates, 'consented to updates', 'no consent to updates');
  flag(filter.hasEmail, 'has email', 'no email');
  flag(filter.hasPhone, 'has a phone', 'no phone');
  if (filter.text?.trim()) parts.push(`“${filter.text.trim()}”`);
  return parts.length ? parts.join(' · ') : 'Everyone in the register';
}

/** Calls `run` once calls stop coming for `ms`: the live count waits until typing pauses. */
export function debounce<A extends unknown[]>(
  run: (...args: A) => void,
  ms: number,
): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), ms);
  };
  return Object.assign(debounced, { cancel: () => clearTimeout(timer) });
}
