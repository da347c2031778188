import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './countries';

describe('country menus', () => {
  it('names countries in English and lists the main diaspora countries first', () => {
    expect(countryName('ls')).toBe('Lesotho');
    const { main, others } = countryOptions();
    expect(main[0]).toEqual({ code: 'ZA', name: 'South Africa' });
    expect(main.length + others.length).toBe(249);
    expect(others.map((c) => c.code)).not.toContain('ZA');
    expect(others.map((c) => c.name)).toEqual([...others.map((c) => c.name)].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('offers a registrar only their own countries', () => {
    expect(countryOptions('en', ['za', 'LS'])).toEqual({
      main: [{ code: 'ZA', name: 'South Africa' }],
      others: [{ code: 'LS', name: 'Lesotho' }],
    });
  });

  it('names countries in the reader’s language when the browser knows it, in English otherwise', () => {
    expect(countryOptions('st').main.map((c) => c.code)).toEqual(countryOptions('en').main.map((c) => c.code));
    expect(countryOptions('xx', ['ZA']).main).toEqual([{ code: 'ZA', name: 'South Africa' }]);
    expect(['ls', 'za'].map(countryName)).toEqual(['Lesotho', 'South Africa']);
  });
});
