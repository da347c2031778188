import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  debounce,
  describeFilter,
  filterFromParams,
  filterParams,
  isEmptyFilter,
  listParams,
  listStateFromParams,
  type SegmentFilter,
} from './member-filter';

describe('member list state in the URL', () => {
  const filter: SegmentFilter = {
    countries: ['ZA'],
    regions: ['Gauteng', 'Free State'],
    sectors: ['health'],
    consentInvitations: true,
    hasEmail: false,
    text: 'Ntšekhe',
  };

  it('writes lists as repeated keys and reads the same filter back', () => {
    const params = filterParams(filter);
    expect(params.getAll('regions')).toEqual(['Gauteng', 'Free State']);
    expect(params.get('consentInvitations')).toBe('true');
    expect(params.get('hasEmail')).toBe('false');
    expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(filter);
  });

  it('leaves out empty fields and ignores values that are not booleans', () => {
    expect(filterParams({ countries: [], text: '  ', sectors: undefined }).toString()).toBe('');
    expect(isEmptyFilter({ countries: [], text: ' ' })).toBe(true);
    expect(isEmptyFilter({ hasPhone: false })).toBe(false);
    expect(filterFromParams(new URLSearchParams('hasPhone=maybe&countries=&text=%20'))).toEqual({});
  });

  it('keeps page and order in the URL only when they differ from the defaults', () => {
    expect(listParams({ filter: {}, page: 1, sort: 'name', direction: 'asc' }).toString()).toBe('');
    const params = listParams({ filter: { countries: ['GB'] }, page: 3, sort: 'createdAt', direction: 'desc' });
    expect(params.toString()).toBe('countries=GB&sort=createdAt&direction=desc&page=3');
    expect(listStateFromParams(params)).toEqual({
      filter: { countries: ['GB'] },
      page: 3,
      pageSize: 50,
      sort: 'createdAt',
      direction: 'desc',
    });
    expect(listStateFromParams(new URLSearchParams('page=-2&sort=age'))).toMatchObject({
      page: 1,
      sort: 'name',
      direction: 'asc',
    });
  });

  it('describes a filter in words', () => {
    expect(describeFilter(filter)).toBe(
      'South Africa · Gauteng or Free State · Health · consented to invitations · no email · “Ntšekhe”',
    );
    expect(describeFilter({})).toBe('Everyone in the register');
    expect(describeFilter({ channels: ['whatsapp'], languages: ['st'], statuses: ['merged'] })).toBe(
      'prefers WhatsApp · Sesotho · Merged',
    );
  });
});

describe(debounce.name, () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, with the last arguments, after calls stop for the delay', () => {
    const run = vi.fn();
    const later = debounce(run, 300);
    later('T');
    vi.advanceTimersByTime(200);
    later('Th');
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledExactlyOnceWith('Th');
    later('x');
    later.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
