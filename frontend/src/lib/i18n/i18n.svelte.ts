import en from './en.json';
import st from './st.json';

export const locales = { en: 'English', st: 'Sesotho' } as const;
export type Locale = keyof typeof locales;
export type MessageKey = keyof typeof en;

const catalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { en, st };
const STORAGE_KEY = 'df.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && value in locales;
}

function initialLocale(): Locale {
  if (typeof window === 'undefined') return 'en';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('st') ? 'st' : 'en';
}

let current = $state<Locale>(initialLocale());

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(locale: Locale) {
    current = locale;
    if (typeof window !== 'undefined') {
      window.localStorage.setItem(STORAGE_KEY, locale);
      document.documentElement.lang = locale;
    }
  },
};

/** The message in the current locale (English where a translation is missing), with {name} filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, locale: Locale = current): string {
  const message = catalogs[locale][key] ?? en[key] ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
