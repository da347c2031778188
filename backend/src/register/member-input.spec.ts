import { describe, expect, it } from '@jest/globals';
import { normaliseMember } from './member-input';

describe(normaliseMember.name, () => {
  const base = { firstName: ' Lineo ', lastName: 'Ntšekhe', countryCode: 'za', region: 'kzn', email: ' Lineo.N@Example.ORG ' };

  it('trims, lower-cases the email, reads the province alias and writes phones in E.164 from the country', () => {
    const { member } = normaliseMember({
      ...base,
      phone: '082 123 4567',
      whatsapp: '+27 82 123 4567',
      sectors: 'Health; trade/business',
    });
    expect(member).toEqual({
      firstName: 'Lineo',
      lastName: 'Ntšekhe',
      email: 'lineo.n@example.org',
      phone: '+27821234567',
      whatsapp: '+27821234567',
      countryCode: 'ZA',
      region: 'KwaZulu-Natal',
      city: null,
      occupation: null,
      sectors: ['health', 'trade'],
      preferredChannel: 'email',
      preferredLanguage: 'en',
    });
  });

  it('keeps free-text regions outside South Africa and reads national numbers by the country of residence', () => {
    const { member } = normaliseMember({
      firstName: 'Zoë',
      lastName: 'Mokoena',
      countryCode: 'GB',
      region: 'Greater Manchester',
      phone: '07400 123456',
      preferredLanguage: 'Sesotho',
    });
    expect(member).toMatchObject({
      region: 'Greater Manchester',
      phone: '+447400123456',
      preferredChannel: 'phone',
      preferredLanguage: 'st',
    });
  });

  it('names every problem by field', () => {
    const { errors } = normaliseMember({
      firstName: '',
      lastName: 'X',
      countryCode: 'ZA',
      region: 'Lesotho',
      email: 'not-an-email',
      phone: '12',
      sectors: 'mining',
      preferredChannel: 'pigeon',
    });
    expect(Object.keys(errors!).sort()).toEqual(['email', 'firstName', 'phone', 'preferredChannel', 'region', 'sectors']);
  });

  it('needs a way to reach the member', () => {
    const { errors } = normaliseMember({ firstName: 'Thabo', lastName: 'Mosisili', countryCode: 'US' });
    expect(errors).toEqual({ email: ['give at least an email address or a phone number'] });
  });
});
