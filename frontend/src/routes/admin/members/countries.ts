// ISO 3166-1 alpha-2: every code the API accepts, so any country can be chosen. Names come from
// the browser (Intl.DisplayNames), so there is no list of names to keep up to date.
const isoCodes = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
  FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
  JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO
  MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
  PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM
  TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/);

/** Where most of the diaspora lives: listed first in country menus. */
export const mainCountries = ['ZA', 'GB', 'US', 'BW', 'NA', 'AU', 'CA', 'IE', 'DE', 'CN', 'NZ', 'AE'];

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function countryName(code: string): string {
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export interface CountryOption {
  code: string;
  name: string;
}

/**
 * Countries for a menu: the main diaspora countries first, then the rest by name. A registrar
 * gets only their own countries (the API would refuse the others anyway).
 */
export function countryOptions(only?: readonly string[]): { main: CountryOption[]; others: CountryOption[] } {
  const allowed = only?.length ? new Set(only.map((c) => c.toUpperCase())) : null;
  const option = (code: string) => ({ code, name: countryName(code) });
  const main = mainCountries.filter((c) => !allowed || allowed.has(c)).map(option);
  const others = isoCodes
    .filter((c) => !mainCountries.includes(c) && (!allowed || allowed.has(c)))
    .map(option)
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { main, others };
}
