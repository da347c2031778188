import { describe, expect, it } from '@jest/globals';
import { redactUrl, withoutQueryValues } from './logger';

describe(redactUrl.name, () => {
  it('cuts personal-link tokens out of URLs and leaves other paths alone', () => {
    expect(redactUrl('/api/v1/rsvp/Zx8_kq2-8f9s0dkfj3k2l1m?lang=st')).toBe('/api/v1/rsvp/[token]?lang=st');
    expect(redactUrl('/rsvp/abcdefghijklmnopqrstuvwxyz012345')).toBe('/rsvp/[token]');
    expect(redactUrl('/api/v1/forums/123')).toBe('/api/v1/forums/123');
  });
});

describe(withoutQueryValues.name, () => {
  it('keeps which parameters a request had, but not what a person typed into a search', () => {
    expect(withoutQueryValues('/api/v1/members?text=thabo%40example.org&page=2')).toBe('/api/v1/members?text=[redacted]&page=2');
    expect(withoutQueryValues('/api/v1/members?text=Thabo')).toBe('/api/v1/members?text=[redacted]');
    expect(withoutQueryValues('/api/v1/door/forums/x/search?q=%2B27825550177')).toBe('/api/v1/door/forums/x/search?q=[redacted]');
    expect(withoutQueryValues('/rsvp/abc?lang=st&day=2027-04-08&sort=name')).toBe('/rsvp/abc?lang=st&day=2027-04-08&sort=name');
    expect(withoutQueryValues('/api/v1/nominations?forumId=0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(
      '/api/v1/nominations?forumId=0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(withoutQueryValues('/api/v1/forums')).toBe('/api/v1/forums');
  });
});
