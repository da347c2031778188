import { describe, expect, it } from 'vitest';
import { formatDay, formatMoment } from './dates';

describe('member-facing dates', () => {
  it('names days in Sesotho and English', () => {
    expect(formatDay('2027-04-08', 'st')).toBe('Labone 8 Mmesa 2027');
    expect(formatDay('2027-04-08', 'en')).toBe('Thursday, 8 April 2027');
    expect(formatDay('2027-04-09', 'st', false)).toBe('Labohlano 9 Mmesa');
  });

  it('shows a moment on the forum’s clock', () => {
    expect(formatMoment('2027-03-25T21:59:00.000Z', 'Africa/Maseru', 'st')).toBe('Labone 25 Hlakubele 2027, 23:59');
    expect(formatMoment('2027-03-25T21:59:00.000Z', 'Africa/Maseru', 'en')).toContain('25 March 2027');
  });
});
