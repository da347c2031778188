import { describe, expect, it } from 'vitest';
import { AttendeeIndex } from './door-data';
import { normalise, searchAttendees } from './search';
import { tuple } from './test-badges';

describe('searchAttendees', () => {
  const { searchList } = new AttendeeIndex([
    tuple(1, 'Lineo', 'Ntšekhe', { 9: '4821' }),
    tuple(2, 'Thabo', 'Mokoena', { 9: '1234' }),
    tuple(3, 'Zoë', 'Lerotholi', { 9: null }),
    tuple(4, "Mpho 'Mamello", 'Ntsane', { 9: '9821' }),
  ]);
  const names = (q: string) => searchAttendees(searchList, q).map((a) => a.lastName);

  it('ignores diacritics and case', () => {
    expect(normalise('  Ntšekhe ZOË ')).toBe('ntsekhe zoe');
    expect(names('Ntsekhe')).toEqual(['Ntšekhe']);
    expect(names('zoe')).toEqual(['Lerotholi']);
  });

  it('matches the start of each word, in any order', () => {
    expect(names('nts')).toEqual(['Ntsane', 'Ntšekhe']);
    expect(names('lin nts')).toEqual(['Ntšekhe']);
    expect(names('mamello')).toEqual(['Ntsane']);
    expect(names('hekh')).toEqual([]);
  });

  it('finds by the last digits of the phone, or the badge number', () => {
    expect(names('4821')).toEqual(['Ntšekhe']);
    expect(names('+27 82 555 4821')).toEqual(['Ntšekhe']);
    expect(names('821')).toEqual(['Ntsane', 'Ntšekhe']);
    expect(names('3')).toEqual(['Lerotholi']);
  });

  it('finds one person among 10,000 attendees', () => {
    const many = new AttendeeIndex(
      Array.from({ length: 10_000 }, (_, i) => tuple(i + 1, `Name${i}`, i === 7777 ? 'Ntšekhe' : `Surname${i}`)),
    ).searchList;
    expect(searchAttendees(many, 'ntsekhe').map((a) => a.badgeNumber)).toEqual([7778]);
  });
});
