import { describe, expect, it } from 'vitest';
import { byDay, formatDay } from './agenda-format';

describe('agenda format', () => {
  it('groups sessions by forum day in time order, keeping empty days', () => {
    const sessions = [
      { id: 'b', day: '2027-04-08', startsAt: '2027-04-08T09:00:00Z' },
      { id: 'a', day: '2027-04-08', startsAt: '2027-04-08T07:00:00Z' },
    ];
    expect(byDay(['2027-04-08', '2027-04-09'], sessions)).toEqual([
      { day: '2027-04-08', sessions: [sessions[1], sessions[0]] },
      { day: '2027-04-09', sessions: [] },
    ]);
  });

  it('writes days in English and Sesotho', () => {
    expect(formatDay('2027-04-08', 'en')).toBe('8 April 2027');
    expect(formatDay('2027-04-08', 'st')).toBe('8 Mmesa 2027');
  });
});
