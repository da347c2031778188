import { countryCodes } from '@diaspora-forum/lists';

/** Names people write for countries where Basotho live, beyond the English names Intl knows. */
const aliases: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  america: 'US',
  'united states of america': 'US',
  rsa: 'ZA',
  'republic of south africa': 'ZA',
  'afrika borwa': 'ZA',
  'south african': 'ZA',
  uae: 'AE',
  emirates: 'AE',
  holland: 'NL',
  'republic of ireland': 'IE',
  'peoples republic of china': 'CN',
  prc: 'CN',
  // ISO alpha-3 codes seen in exports from other systems.
  zaf: 'ZA',
  gbr: 'GB',
  bwa: 'BW',
  nam: 'NA',
  aus: 'AU',
  can: 'CA',
  irl: 'IE',
  deu: 'DE',
  chn: 'CN',
  nzl: 'NZ',
  are: 'AE',
  lso: 'LS',
};

const key = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let table: Map<string, string> | undefined;

/** English country name → ISO 3166-1 alpha-2, built once from Intl.DisplayNames (every ISO code it can name). */
function namesToCodes(): Map<string, string> {
  if (table) return table;
  table = new Map(Object.entries(aliases));
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const code of countryCodes) {
    const name = names.of(code);
    if (!name) continue;
    table.set(key(name), code);
    // "Congo - Kinshasa", "Hong Kong SAR China", "Bosnia & Herzegovina": also the part before the qualifier.
    const plain = name.split(/ - | \(|,/)[0];
    if (plain !== name && !table.has(key(plain))) table.set(key(plain), code);
  }
  return table;
}

/** A country as written in a spreadsheet ("South Africa", "za", "UK", "USA") → its code, or null if unknown. */
export function countryCodeOf(value: string): string | null {
  const trimmed = value.trim();
  const known = namesToCodes().get(key(trimmed));
  if (known) return known;
  return /^[a-z]{2}$/i.test(trimmed) ? trimmed.toUpperCase() : null;
}
