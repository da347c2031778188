import { describe, expect, it } from 'vitest';
import type { Schemas } from '$lib/api/client';
import { emptyMember, fromApi, toRequest } from './member-form';

describe('public member form', () => {
  it('sends no empty optional field, so an empty box never overwrites anything', () => {
    const body = toRequest({ ...emptyMember('st'), firstName: 'Lineo', city: '  ', phone: '+27825550101' });
    expect(body).toMatchObject({ firstName: 'Lineo', phone: '+27825550101', preferredLanguage: 'st' });
    expect(body).not.toHaveProperty('city');
    expect(body).not.toHaveProperty('whatsapp');
  });

  it('takes only the form fields from what the API returns', () => {
    const fromTheApi: Schemas['MemberSelfDto'] = {
      ...emptyMember('en'),
      email: null,
      phone: null,
      whatsapp: null,
      region: null,
      city: null,
      occupation: null,
      consentAt: null,
      status: 'active',
      createdAt: '2026-01-01',
    };
    const value = fromApi(fromTheApi);
    expect(value.email).toBe('');
    expect(value).not.toHaveProperty('status');
    expect(Object.keys(toRequest(value))).not.toContain('createdAt');
  });
});
