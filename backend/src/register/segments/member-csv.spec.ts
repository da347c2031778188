import { describe, expect, it } from '@jest/globals';
import { csvCell, csvLine, neutraliseFormula } from './member-csv';

describe('member CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ['+27821234567', `'+27821234567`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('prefixes %j, which a spreadsheet would run, with an apostrophe', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it('leaves ordinary text alone, including formula characters after the first', () => {
    expect(neutraliseFormula('Ntšekhe')).toBe('Ntšekhe');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes every cell, doubles quotes, and writes booleans, dates and blanks plainly', () => {
    expect(csvCell('Say "hi", Thabo')).toBe('"Say ""hi"", Thabo"');
    expect(csvCell('=1+"2"')).toBe(`"'=1+""2"""`);
    expect(csvCell(true)).toBe('"yes"');
    expect(csvCell(false)).toBe('"no"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(new Date('2027-04-08T07:30:00Z'))).toBe('"2027-04-08T07:30:00.000Z"');
    expect(csvLine(['a', 'line\nbreak', 3])).toBe('"a","line\nbreak","3"\r\n');
  });
});
