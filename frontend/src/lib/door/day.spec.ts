import { describe, expect, it } from 'vitest';
import { age, dayIn, defaultDay, timeAt } from './day';

describe('door days', () => {
  it("takes today in the forum's timezone", () => {
    // 23:30 UTC on the 7th is 01:30 on the 8th in Maseru (UTC+2).
    const now = new Date('2027-04-07T23:30:00Z');
    expect(dayIn('Africa/Maseru', now)).toBe('2027-04-08');
    expect(defaultDay(['2027-04-08', '2027-04-09'], 'Africa/Maseru', now)).toBe('2027-04-08');
  });

  it('defaults to the next forum day before the forum, and the last one after it', () => {
    const days = ['2027-04-08', '2027-04-09'];
    expect(defaultDay(days, 'Africa/Maseru', new Date('2027-03-01T10:00:00Z'))).toBe('2027-04-08');
    expect(defaultDay(days, 'Africa/Maseru', new Date('2027-05-01T10:00:00Z'))).toBe('2027-04-09');
    expect(defaultDay([], 'Africa/Maseru')).toBeNull();
  });

  it('says how old the data is, and times at the venue', () => {
    const now = new Date('2027-04-08T10:00:00Z');
    expect(age('2027-04-08T09:59:50Z', now)).toBe('just now');
    expect(age('2027-04-08T09:58:00Z', now)).toBe('2 min ago');
    expect(age('2027-04-08T07:00:00Z', now)).toBe('3 h ago');
    expect(timeAt('2027-04-08T07:02:00Z', 'Africa/Maseru')).toBe('09:02');
  });
});
