import { describe, expect, it } from 'vitest';
import { deadlineToIso, isoToDeadline } from './forum-deadline';

describe('RSVP deadline in the forum timezone', () => {
  it('reads 23:59 in Maseru (UTC+2) as 21:59 UTC and back', () => {
    expect(deadlineToIso('2027-03-25T23:59', 'Africa/Maseru')).toBe('2027-03-25T21:59:00.000Z');
    expect(isoToDeadline('2027-03-25T21:59:00.000Z', 'Africa/Maseru')).toBe('2027-03-25T23:59');
  });

  it('treats an empty input as no deadline', () => {
    expect(deadlineToIso('', 'Africa/Maseru')).toBeNull();
    expect(isoToDeadline(null, 'Africa/Maseru')).toBe('');
  });
});
