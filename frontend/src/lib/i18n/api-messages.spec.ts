import { describe, expect, it } from 'vitest';
import { translateFieldErrors } from './api-messages';
import { i18n } from './i18n.svelte';

describe(translateFieldErrors.name, () => {
  it('shows known API messages in the reader’s language and leaves unknown ones as they are', () => {
    i18n.locale = 'st';
    expect(
      translateFieldErrors({ agree: ['we can only register you with your agreement'], sectors: ['unknown sector "mining"'] }),
    ).toEqual({
      agree: ['Re ka u ngolisa feela ka tumello ea hau.'],
      sectors: ['unknown sector "mining"'],
    });
    i18n.locale = 'en';
    expect(translateFieldErrors({ region: ['not a South African province (Eastern Cape, …)'] })).toEqual({
      region: ['Choose your province.'],
    });
  });
});
