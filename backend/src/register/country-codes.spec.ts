import { describe, expect, it } from '@jest/globals';
import { countryCodes, mainCountries } from '@diaspora-forum/lists';
import { isISO31661Alpha2 } from 'class-validator';

describe('the shared country list', () => {
  it('is exactly the set of codes the API accepts (class-validator IsISO31661Alpha2)', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const accepted = [...letters].flatMap((a) => [...letters].map((b) => a + b)).filter((code) => isISO31661Alpha2(code));
    expect([...countryCodes].sort()).toEqual(accepted);
  });

  it('lists the main diaspora countries among them', () => {
    expect(mainCountries.filter((code) => !countryCodes.includes(code))).toEqual([]);
  });
});
