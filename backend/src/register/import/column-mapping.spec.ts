import { describe, expect, it } from '@jest/globals';
import { checkMapping, guessMapping, looksLikeData, rowMapper } from './column-mapping';
import { countryCodeOf } from './country-names';

describe('guessMapping', () => {
  it('recognises the usual English names, whatever the case and punctuation', () => {
    expect(
      guessMapping(['Name', 'SURNAME', 'E-mail', 'Cell', 'WhatsApp', 'Country', 'Province', 'Town', 'Job', 'Sector', 'Language']),
    ).toEqual({
      firstName: 'Name',
      lastName: 'SURNAME',
      email: 'E-mail',
      phone: 'Cell',
      whatsapp: 'WhatsApp',
      countryCode: 'Country',
      region: 'Province',
      city: 'Town',
      occupation: 'Job',
      sectors: 'Sector',
      preferredLanguage: 'Language',
    });
  });

  it('recognises Sesotho names and longer names that give the field away', () => {
    expect(guessMapping(['Lebitso', 'Fane', 'Nomoro ea mohala', 'Naha'])).toEqual({
      firstName: 'Lebitso',
      lastName: 'Fane',
      phone: 'Nomoro ea mohala',
      countryCode: 'Naha',
    });
    expect(
      guessMapping([
        'First name(s)',
        'Last name',
        'Email address (private)',
        'Cell no.',
        'Phone number (WhatsApp)',
        'Mobile number',
      ]),
    ).toEqual({
      firstName: 'First name(s)',
      lastName: 'Last name',
      email: 'Email address (private)',
      phone: 'Mobile number',
      whatsapp: 'Phone number (WhatsApp)',
    });
  });

  it('reads one consent column for both kinds of consent, and separate ones when there are two', () => {
    expect(guessMapping(['Name', 'Surname', 'Email', 'Consent'])).toMatchObject({
      consentInvitations: 'Consent',
      consentUpdates: 'Consent',
    });
    expect(guessMapping(['Name', 'Surname', 'Email', 'Consent to invitations', 'Newsletter'])).toMatchObject({
      consentInvitations: 'Consent to invitations',
      consentUpdates: 'Newsletter',
    });
  });

  it('guesses nothing from names it does not know, and tells a row of data from a header', () => {
    expect(guessMapping(['Col A', 'Col B', 'Col C'])).toEqual({});
    expect(looksLikeData(['Col A', 'Col B', 'Col C'])).toBe(false);
    expect(looksLikeData(['Thabo', 'Mokoena', '+27 82 123 4567'])).toBe(true);
    expect(looksLikeData(['Name', 'Surname', 'thabo@example.org'])).toBe(false);
  });
});

describe('countryCodeOf', () => {
  it('reads names (any case, accents or not), common short forms and ISO codes', () => {
    expect(countryCodeOf('South Africa')).toBe('ZA');
    expect(countryCodeOf('south africa ')).toBe('ZA');
    expect(countryCodeOf('United Kingdom')).toBe('GB');
    expect(countryCodeOf('UK')).toBe('GB');
    expect(countryCodeOf('USA')).toBe('US');
    expect(countryCodeOf('United States')).toBe('US');
    expect(countryCodeOf('Cote dIvoire')).toBeNull();
    expect(countryCodeOf("Côte d'Ivoire")).toBe('CI');
    expect(countryCodeOf('Afrika Borwa')).toBe('ZA');
    expect(countryCodeOf('za')).toBe('ZA');
    expect(countryCodeOf('ZAF')).toBe('ZA');
    expect(countryCodeOf('Atlantis')).toBeNull();
  });
});

describe('checkMapping', () => {
  const columns = ['Name', 'Surname', 'Email', 'Country'];
  it('asks for names, a contact and a country, and refuses columns the file does not have', () => {
    expect(checkMapping({}, columns, null)).toEqual({
      'mapping.firstName': ['choose the column with first names'],
      'mapping.lastName': ['choose the column with surnames'],
      'mapping.email': ['choose a column with email addresses or phone numbers'],
      'mapping.countryCode': ['choose the country column, or a country for rows without one'],
    });
    expect(checkMapping({ firstName: 'Name', lastName: 'Surname', phone: 'Cell' }, columns, 'ZA')).toEqual({
      'mapping.phone': ['this file has no column named "Cell"'],
    });
    expect(checkMapping({ firstName: 'Name', lastName: 'Surname', email: 'Email' }, columns, 'GB')).toEqual({});
  });
});

describe('rowMapper', () => {
  const columns = ['Name', 'Surname', 'Email', 'Country', 'Consent'];
  const mapping = { firstName: 'Name', lastName: 'Surname', email: 'Email', countryCode: 'Country', consentUpdates: 'Consent' };

  it('reads the mapped cells, turns country names into codes and falls back to the default country', () => {
    const map = rowMapper(mapping, columns, 'ZA');
    expect(map([' Thabo ', 'Mokoena', 'T@Example.org', 'United Kingdom', 'Yes'])).toMatchObject({
      input: { firstName: 'Thabo', lastName: 'Mokoena', email: 'T@Example.org', countryCode: 'GB', phone: null },
      consent: { invitations: null, updates: true },
      errors: {},
    });
    expect(map(['Lineo', 'Sello', 'l@example.org', '', 'no']).input.countryCode).toBe('ZA');
    expect(map(['Lineo', 'Sello']).consent.updates).toBe(false);
  });

  it('reports an unknown country and a consent that is neither yes nor no', () => {
    const { errors } = rowMapper(mapping, columns, null)(['Lineo', 'Sello', 'l@example.org', 'Atlantis', 'maybe']);
    expect(errors).toEqual({
      countryCode: ['unknown country "Atlantis"; write its name or a code such as ZA, GB or US'],
      consentUpdates: ['write yes or no'],
    });
  });
});
