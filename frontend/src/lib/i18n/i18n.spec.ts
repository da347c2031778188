import { describe, expect, it } from 'vitest';
import en from './en.json';
import st from './st.json';
import { t } from './i18n.svelte';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('every locale has every key, and no extra ones', () => {
    expect(Object.keys(st).sort()).toEqual(Object.keys(en).sort());
  });

  it('every translation is filled in and keeps the same placeholders', () => {
    for (const [key, message] of Object.entries(en)) {
      const translated = (st as Record<string, string>)[key];
      expect({ key, empty: translated.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(translated) }).toEqual({ key, placeholders: placeholders(message) });
    }
  });

  it('looks messages up by locale and fills placeholders', () => {
    expect(t('signIn.submit', {}, 'st')).toBe('Kena');
    expect(t('signIn.submit', {}, 'en')).toBe('Sign in');
  });
});
