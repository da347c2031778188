import type { FieldErrors } from '../../common/domain-error';
import type { MemberInput } from '../member-input';
import { countryCodeOf } from './country-names';

export const memberTargets = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'whatsapp',
  'countryCode',
  'region',
  'city',
  'occupation',
  'sectors',
  'preferredChannel',
  'preferredLanguage',
] as const satisfies readonly (keyof MemberInput)[];
export const consentTargets = ['consentInvitations', 'consentUpdates'] as const;
export const mappingTargets = [...memberTargets, ...consentTargets] as const;
export type MappingTarget = (typeof mappingTargets)[number];

/** Target field → the spreadsheet column it is read from. */
export type ColumnMapping = Partial<Record<MappingTarget, string>>;

/** Column names people use, compared after lower-casing and dropping accents and punctuation ("E-mail" = "e mail"). */
const exactNames: Record<MappingTarget, string[]> = {
  firstName: [
    'first name',
    'firstname',
    'name',
    'names',
    'first names',
    'given name',
    'given names',
    'forename',
    'forenames',
    'lebitso',
    'lebitso la pele',
  ],
  lastName: ['surname', 'surnames', 'last name', 'lastname', 'family name', 'fane', 'sefane'],
  email: ['email', 'e mail', 'email address', 'e mail address', 'mail', 'emails'],
  phone: [
    'phone',
    'cell',
    'cellphone',
    'cell phone',
    'cell number',
    'cellphone number',
    'mobile',
    'mobile number',
    'mobile phone',
    'phone number',
    'telephone',
    'telephone number',
    'tel',
    'contact',
    'contact number',
    'nomoro',
    'nomoro ea mohala',
    'mohala',
  ],
  whatsapp: ['whatsapp', 'whatsapp number', 'whats app', 'wa'],
  countryCode: ['country', 'country code', 'country of residence', 'naha', 'residence'],
  region: ['province', 'region', 'state', 'provinse', 'county'],
  city: ['city', 'town', 'city town', 'city or town', 'toropo'],
  occupation: ['occupation', 'job', 'job title', 'profession', 'work', 'mosebetsi'],
  sectors: ['sector', 'sectors', 'industry', 'field', 'area of interest', 'interest', 'interests'],
  preferredChannel: ['preferred channel', 'channel', 'contact method', 'preferred contact', 'preferred contact method'],
  preferredLanguage: ['language', 'preferred language', 'puo'],
  consentInvitations: [
    'consent',
    'consented',
    'opt in',
    'agreed',
    'consent invitations',
    'consent to invitations',
    'invitations',
  ],
  consentUpdates: ['consent', 'consented', 'opt in', 'agreed', 'consent updates', 'consent to updates', 'updates', 'newsletter'],
};

/** Words that give a column away when the name is longer ("Cell no.", "Email address (private)"); the order settles ties. */
const telltaleWords: [MappingTarget, string[]][] = [
  ['consentInvitations', ['consent', 'invitation', 'invitations']],
  ['consentUpdates', ['consent', 'updates', 'newsletter']],
  ['whatsapp', ['whatsapp']],
  ['email', ['email', 'e mail']],
  ['lastName', ['surname', 'last name', 'family name', 'fane']],
  ['firstName', ['first name', 'given name', 'forename', 'lebitso']],
  ['countryCode', ['country']],
  ['region', ['province', 'region']],
  ['city', ['city', 'town']],
  ['occupation', ['occupation', 'profession', 'job']],
  ['sectors', ['sector', 'sectors', 'industry']],
  ['preferredChannel', ['channel']],
  ['preferredLanguage', ['language']],
  ['phone', ['cell', 'cellphone', 'mobile', 'phone', 'telephone', 'tel']],
];

export const columnKey = (name: string) =>
  ` ${name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

const consentOnly = (target: MappingTarget) => (consentTargets as readonly string[]).includes(target);

/** Guesses which column holds which field from the column names. Consent columns may feed both consent targets. */
export function guessMapping(columns: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  const free = (column: string, target: MappingTarget) =>
    !used.has(column) ||
    (consentOnly(target) && Object.entries(mapping).some(([t, c]) => c === column && consentOnly(t as MappingTarget)));
  const take = (target: MappingTarget, column: string) => {
    mapping[target] = column;
    used.add(column);
  };
  for (const target of mappingTargets) {
    const names = exactNames[target].map((n) => ` ${n} `);
    const column = columns.find((c) => free(c, target) && names.includes(columnKey(c)));
    if (column) take(target, column);
  }
  for (const [target, words] of telltaleWords) {
    if (mapping[target]) continue;
    const column = columns.find((c) => free(c, target) && words.some((w) => columnKey(c).includes(` ${w} `)));
    if (column) take(target, column);
  }
  return mapping;
}

/** A first row that names nothing we know but holds an email address or a phone number is data, not a header. */
export function looksLikeData(columns: string[]): boolean {
  return (
    Object.keys(guessMapping(columns)).length === 0 && columns.some((c) => c.includes('@') || (c.match(/\d/g) ?? []).length >= 7)
  );
}

/** What a mapping lacks to make members, per field, for the mapping form. */
export function checkMapping(mapping: ColumnMapping, columns: string[], defaultCountry: string | null): FieldErrors {
  const errors: FieldErrors = {};
  for (const [target, column] of Object.entries(mapping)) {
    if (column && !columns.includes(column)) errors[`mapping.${target}`] = [`this file has no column named "${column}"`];
  }
  if (!mapping.firstName) errors['mapping.firstName'] ??= ['choose the column with first names'];
  if (!mapping.lastName) errors['mapping.lastName'] ??= ['choose the column with surnames'];
  if (!mapping.email && !mapping.phone && !mapping.whatsapp)
    errors['mapping.email'] ??= ['choose a column with email addresses or phone numbers'];
  if (!mapping.countryCode && !defaultCountry)
    errors['mapping.countryCode'] ??= ['choose the country column, or a country for rows without one'];
  return errors;
}

export interface MappedRow {
  input: MemberInput;
  /** null when the file has no column for it: the choice made at commit applies. */
  consent: { invitations: boolean | null; updates: boolean | null };
  errors: FieldErrors;
  /** The mapped cells as written, to show next to a problem. */
  values: Partial<Record<MappingTarget, string>>;
}

const yes = new Set(['yes', 'y', 'true', '1', 'x', 'ee', 'agreed', 'agree', 'consented', 'opt in', 'opted in', 'ja', '✓', '✔']);
const no = new Set(['no', 'n', 'false', '0', '', 'tjhe', 'che', 'declined', 'opt out', 'opted out', 'nee']);

/** yes → true, no → false, anything else → undefined. */
function consentValue(cell: string): boolean | undefined {
  const value = cell
    .toLowerCase()
    .replace(/[^\p{L}\p{N}✓✔]+/gu, ' ')
    .trim();
  return yes.has(value) ? true : no.has(value) ? false : undefined;
}

/** A file repeats a handful of country spellings thousands of times: each is looked up once (up to a bound). */
function cachedCountryCodes(): (value: string) => string | null {
  const cache = new Map<string, string | null>();
  return (value) => {
    let code = cache.get(value);
    if (code === undefined) {
      code = countryCodeOf(value);
      if (cache.size < 1000) cache.set(value, code);
    }
    return code;
  };
}

/** Turns a mapping into a function from a row's cells to member input, with the country read as a name or a code. */
export function rowMapper(
  mapping: ColumnMapping,
  columns: string[],
  defaultCountry: string | null,
): (cells: string[]) => MappedRow {
  const index = Object.entries(mapping)
    .filter(([, column]) => column)
    .map(([target, column]) => [target as MappingTarget, columns.indexOf(column!)] as const);
  const countryCode = cachedCountryCodes();
  const consentOf = (target: 'consentInvitations' | 'consentUpdates', values: MappedRow['values'], errors: FieldErrors) => {
    if (!mapping[target]) return null;
    const value = consentValue(values[target] ?? '');
    if (value === undefined) errors[target] = ['write yes or no'];
    return value ?? null;
  };
  return (cells) => {
    const values: MappedRow['values'] = {};
    for (const [target, i] of index) values[target] = (cells[i] ?? '').trim();
    const input: MemberInput = {};
    for (const target of memberTargets) input[target] = values[target] ?? null;
    const errors: FieldErrors = {};
    const country = values.countryCode ?? '';
    const code = country ? countryCode(country) : defaultCountry;
    if (country && !code)
      errors.countryCode = [`unknown country "${country.slice(0, 60)}"; write its name or a code such as ZA, GB or US`];
    input.countryCode = code ?? country;
    const consent = {
      invitations: consentOf('consentInvitations', values, errors),
      updates: consentOf('consentUpdates', values, errors),
    };
    return { input, consent, errors, values };
  };
}
