import { countryCodes, mainCountries } from '@diaspora-forum/lists';

// The one country list of the console and the public pages: the codes the API accepts, from the
// lists the backend shares. Names come from the browser (Intl.DisplayNames knows Sesotho names too).
export { mainCountries, southAfricanProvinces } from '@diaspora-forum/lists';

export interface CountryOption {
  code: string;
  name: string;
}

const displayNames = new Map<string, Intl.DisplayNames>();

/** A country's name in `locale`; its code when the browser cannot name it. */
function nameIn(locale: string, code: string): string {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' })));
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A country's name in English, as the console shows it (safe to pass to `map`). */
export const countryName = (code: string): string => nameIn('en', code);

/**
 * Countries for a menu, named in `locale`: the main diaspora countries first, then the rest by name.
 * `only` narrows it to some countries, e.g. a registrar's own (the API would refuse the others anyway).
 */
export function countryOptions(locale = 'en', only?: readonly string[]): { main: CountryOption[]; others: CountryOption[] } {
  const allowed = only?.length ? new Set(only.map((c) => c.toUpperCase())) : null;
  const option = (code: string) => ({ code, name: nameIn(locale, code) });
  const main = mainCountries.filter((c) => !allowed || allowed.has(c)).map(option);
  const others = countryCodes
    .filter((c) => !mainCountries.includes(c) && (!allowed || allowed.has(c)))
    .map(option)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return { main, others };
}
