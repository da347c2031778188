import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './logger';

describe(redactUrl.name, () => {
  it('cuts personal-link tokens out of URLs and leaves other paths alone', () => {
    expect(redactUrl('/api/v1/rsvp/Zx8_kq2-8f9s0dkfj3k2l1m?lang=st')).toBe('/api/v1/rsvp/[token]?lang=st');
    expect(redactUrl('/rsvp/abcdefghijklmnopqrstuvwxyz012345')).toBe('/rsvp/[token]');
    expect(redactUrl('/api/v1/forums/123')).toBe('/api/v1/forums/123');
  });
});
