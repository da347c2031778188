import { isEmail, isISO31661Alpha2 } from 'class-validator';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { FieldErrors } from '../common/domain-error';
import {
  type Channel,
  channels,
  type Language,
  languages,
  type Sector,
  sectors as knownSectors,
  southAfricanProvinces,
} from './register.constants';

/** A member as people type it: in a form, a spreadsheet row, or at the door. */
export interface MemberInput {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  whatsapp?: string | null;
  countryCode?: string | null;
  region?: string | null;
  city?: string | null;
  occupation?: string | null;
  sectors?: string[] | string | null;
  preferredChannel?: string | null;
  preferredLanguage?: string | null;
}

/** The same member, normalised: trimmed names, lower-case email, E.164 phones, known codes. */
export interface NormalisedMember {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  whatsapp: string | null;
  countryCode: string;
  region: string | null;
  city: string | null;
  occupation: string | null;
  sectors: Sector[];
  preferredChannel: Channel;
  preferredLanguage: Language;
}

const provinceAliases: Record<string, string> = {
  gp: 'Gauteng',
  kzn: 'KwaZulu-Natal',
  'kwazulu natal': 'KwaZulu-Natal',
  natal: 'KwaZulu-Natal',
  wc: 'Western Cape',
  ec: 'Eastern Cape',
  fs: 'Free State',
  ofs: 'Free State',
  nw: 'North West',
  'north-west': 'North West',
  nc: 'Northern Cape',
  mp: 'Mpumalanga',
  lp: 'Limpopo',
};

const sectorAliases: Record<string, Sector> = {
  business: 'trade',
  'trade/business': 'trade',
  'trade and business': 'trade',
  investments: 'investment',
  investor: 'investment',
  medical: 'health',
  healthcare: 'health',
  culture: 'cultural',
  arts: 'cultural',
  teaching: 'education',
};

const channelAliases: Record<string, Channel> = {
  'e-mail': 'email',
  mail: 'email',
  call: 'phone',
  telephone: 'phone',
  text: 'sms',
  wa: 'whatsapp',
};
const languageAliases: Record<string, Language> = { english: 'en', sesotho: 'st', sotho: 'st', 'southern sotho': 'st' };

const clean = (value: string | null | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

export function normaliseProvince(value: string): string | null {
  const key = value.toLowerCase();
  return southAfricanProvinces.find((p) => p.toLowerCase() === key) ?? provinceAliases[key] ?? null;
}

export function normalisePhone(value: string, country: string | null): string | null {
  const phone = parsePhoneNumberFromString(value, (country ?? undefined) as CountryCode | undefined);
  return phone?.isValid() ? phone.number : null;
}

/**
 * Checks and normalises a member. Returns the member or the problems per field; the same rules
 * apply to the console, imports, self-registration and walk-ins.
 */
export function normaliseMember(
  input: MemberInput,
): { member: NormalisedMember; errors?: undefined } | { member?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  const firstName = clean(input.firstName);
  const lastName = clean(input.lastName);
  if (!firstName) fail('firstName', 'enter a first name');
  if (firstName.length > 80) fail('firstName', 'use at most 80 characters');
  if (!lastName) fail('lastName', 'enter a surname');
  if (lastName.length > 80) fail('lastName', 'use at most 80 characters');

  const countryCode = clean(input.countryCode).toUpperCase();
  if (!countryCode) fail('countryCode', 'enter the country of residence');
  else if (!isISO31661Alpha2(countryCode)) fail('countryCode', 'use a two-letter country code such as ZA, GB or US');

  let region: string | null = clean(input.region) || null;
  if (countryCode === 'ZA') {
    if (!region) fail('region', 'choose the province');
    else {
      const province = normaliseProvince(region);
      if (!province) fail('region', `not a South African province (${southAfricanProvinces.join(', ')})`);
      region = province;
    }
  }

  const email = clean(input.email).toLowerCase() || null;
  if (email && (!isEmail(email) || email.length > 254)) fail('email', 'not a valid email address');

  const phones: Record<'phone' | 'whatsapp', string | null> = { phone: null, whatsapp: null };
  for (const field of ['phone', 'whatsapp'] as const) {
    const raw = clean(input[field]);
    if (!raw) continue;
    phones[field] = normalisePhone(raw, countryCode || null);
    if (!phones[field]) fail(field, 'not a valid phone number; write it with the country code, e.g. +27 82 123 4567');
  }
  if (!email && !phones.phone && !phones.whatsapp) fail('email', 'give at least an email address or a phone number');

  const rawSectors = Array.isArray(input.sectors) ? input.sectors : clean(input.sectors).split(/[;,|]/);
  const sectors = new Set<Sector>();
  for (const raw of rawSectors.map((s) => clean(s).toLowerCase()).filter(Boolean)) {
    const sector = (knownSectors as readonly string[]).includes(raw) ? (raw as Sector) : sectorAliases[raw];
    if (sector) sectors.add(sector);
    else fail('sectors', `unknown sector "${raw}" (${knownSectors.join(', ')})`);
  }

  const channelRaw = clean(input.preferredChannel).toLowerCase();
  const preferredChannel = channelRaw
    ? (channels as readonly string[]).includes(channelRaw)
      ? (channelRaw as Channel)
      : channelAliases[channelRaw]
    : email
      ? 'email'
      : phones.whatsapp
        ? 'whatsapp'
        : 'phone';
  if (!preferredChannel) fail('preferredChannel', `must be one of: ${channels.join(', ')}`);

  const languageRaw = clean(input.preferredLanguage).toLowerCase();
  const preferredLanguage = languageRaw
    ? (languages as readonly string[]).includes(languageRaw)
      ? (languageRaw as Language)
      : languageAliases[languageRaw]
    : 'en';
  if (!preferredLanguage) fail('preferredLanguage', 'must be en (English) or st (Sesotho)');

  const city = clean(input.city) || null;
  const occupation = clean(input.occupation) || null;
  if (city && city.length > 80) fail('city', 'use at most 80 characters');
  if (occupation && occupation.length > 120) fail('occupation', 'use at most 120 characters');
  if (region && region.length > 80) fail('region', 'use at most 80 characters');

  if (Object.keys(errors).length) return { errors };
  return {
    member: {
      firstName,
      lastName,
      email,
      phone: phones.phone,
      whatsapp: phones.whatsapp,
      countryCode,
      region,
      city,
      occupation,
      sectors: [...sectors],
      preferredChannel: preferredChannel!,
      preferredLanguage: preferredLanguage!,
    },
  };
}
