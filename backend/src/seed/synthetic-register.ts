// Realistic but entirely synthetic diaspora members: Basotho names, South African provinces and
// about ten other countries, phone numbers in E.164 from ranges reserved for fiction where a
// country has them, and emails at the reserved example.* domains. Deterministic for a given seed.
import type { Channel, Language, Sector } from '../register/register.constants';
import { southAfricanProvinces } from '../register/register.constants';

export interface SyntheticMember {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  whatsapp: string | null;
  countryCode: string;
  region: string | null;
  city: string;
  occupation: string;
  sectors: Sector[];
  preferredChannel: Channel;
  preferredLanguage: Language;
  consent: boolean;
}

const firstNames = [
  'Thabo',
  'Palesa',
  'Lineo',
  'Mpho',
  'Teboho',
  'Lerato',
  'Nthabiseng',
  'Tšepo',
  'Refiloe',
  'Karabo',
  'Masechaba',
  "'Mamello",
  'Relebohile',
  'Khotso',
  'Tumelo',
  'Limpho',
  'Rethabile',
  'Bokang',
  'Puleng',
  'Tlotliso',
  'Lehlohonolo',
  'Mosa',
  'Neo',
  'Motlatsi',
  'Nthati',
  'Keketso',
  'Lisemelo',
  'Thato',
  'Kamohelo',
  'Boitumelo',
  'Paballo',
  'Tšoanelo',
  'Mathabo',
  'Sello',
  'Lebohang',
  'Zoë',
];
const lastNames = [
  'Mokoena',
  'Mosisili',
  'Thabane',
  'Letsie',
  'Moshoeshoe',
  'Ntšekhe',
  'Makoa',
  'Mohapi',
  'Sello',
  'Molapo',
  'Lerotholi',
  'Ramakoae',
  'Phafane',
  'Majoro',
  'Mahao',
  'Khaketla',
  'Seeiso',
  'Mokhothu',
  'Ntsinyi',
  'Tšabalira',
  'Motanyane',
  'Mofolo',
  'Ralitapole',
  'Lekhanya',
  'Matete',
  'Nkuebe',
  'Sekhonyana',
  'Rakuoane',
  'Mphutlane',
  'Khasu',
  'Pitso',
  'Tau',
  'Moleleki',
  'Shale',
];
const occupations = [
  'Nurse',
  'Medical doctor',
  'Teacher',
  'Engineer',
  'Accountant',
  'Mine worker',
  'Entrepreneur',
  'Lecturer',
  'Pharmacist',
  'Software developer',
  'Farmer',
  'Lawyer',
  'Artist',
  'Domestic worker',
  'Student',
  'Civil servant',
  'Journalist',
  'Chef',
];
const allSectors: Sector[] = ['investment', 'trade', 'education', 'health', 'social', 'cultural', 'other'];

interface CountryProfile {
  code: string;
  weight: number;
  cities: string[];
  regions?: Record<string, string[]>;
  phone: (digit: () => number) => string;
}

const zaMobilePrefixes = ['60', '61', '62', '63', '71', '72', '73', '74', '76', '78', '79', '81', '82', '83', '84'];
const digits = (d: () => number, n: number) => Array.from({ length: n }, d).join('');

const countries: CountryProfile[] = [
  {
    code: 'ZA',
    weight: 60,
    cities: [],
    regions: {
      Gauteng: ['Johannesburg', 'Pretoria', 'Soweto', 'Vereeniging'],
      'Free State': ['Bloemfontein', 'Welkom', 'Ficksburg', 'Ladybrand'],
      'KwaZulu-Natal': ['Durban', 'Pietermaritzburg'],
      'Western Cape': ['Cape Town', 'Stellenbosch'],
      'North West': ['Rustenburg', 'Klerksdorp', 'Mahikeng'],
      'Eastern Cape': ['Gqeberha', 'East London', 'Matatiele'],
      Mpumalanga: ['Mbombela', 'eMalahleni'],
      Limpopo: ['Polokwane'],
      'Northern Cape': ['Kimberley'],
    },
    phone: (d) => `+27${zaMobilePrefixes[(d() * 10 + d()) % zaMobilePrefixes.length]}${digits(d, 7)}`,
  },
  // Ofcom's drama range (07700 900xxx) fails libphonenumber's validation: random 074/075/078 mobiles instead.
  {
    code: 'GB',
    weight: 9,
    cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow'],
    phone: (d) => `+447${[4, 5, 8][d() % 3]}${digits(d, 8)}`,
  },
  // The NANP's fictional 555-0100–0199.
  {
    code: 'US',
    weight: 8,
    cities: ['New York', 'Houston', 'Atlanta', 'Washington', 'Boston'],
    phone: (d) => `+1${['212', '713', '404', '202', '617'][d() % 5]}55501${digits(d, 2)}`,
  },
  { code: 'BW', weight: 4, cities: ['Gaborone', 'Francistown'], phone: (d) => `+2677${[1, 2, 3, 4][d() % 4]}${digits(d, 6)}` },
  { code: 'NA', weight: 3, cities: ['Windhoek'], phone: (d) => `+26481${digits(d, 7)}` },
  // ACMA's fictional mobile range 0491 570 006–0491 579 999.
  { code: 'AU', weight: 3, cities: ['Sydney', 'Melbourne', 'Perth'], phone: (d) => `+6149157${digits(d, 4)}` },
  {
    code: 'CA',
    weight: 3,
    cities: ['Toronto', 'Ottawa', 'Calgary'],
    phone: (d) => `+1${['416', '613', '403'][d() % 3]}55501${digits(d, 2)}`,
  },
  { code: 'IE', weight: 2, cities: ['Dublin', 'Cork'], phone: (d) => `+35383${digits(d, 7)}` },
  { code: 'DE', weight: 2, cities: ['Berlin', 'Frankfurt'], phone: (d) => `+49151${digits(d, 8)}` },
  { code: 'CN', weight: 2, cities: ['Beijing', 'Shanghai'], phone: (d) => `+86139${digits(d, 8)}` },
  { code: 'NZ', weight: 2, cities: ['Auckland', 'Wellington'], phone: (d) => `+6421${digits(d, 7)}` },
  { code: 'AE', weight: 2, cities: ['Dubai', 'Abu Dhabi'], phone: (d) => `+97150${digits(d, 7)}` },
];

/** mulberry32: a tiny seeded generator, so the same seed always gives the same register. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* syntheticMembers(count: number, seed = 2027): Generator<SyntheticMember> {
  const random = seeded(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const digit = () => int(10);
  const totalWeight = countries.reduce((sum, c) => sum + c.weight, 0);

  for (let i = 0; i < count; i++) {
    let roll = int(totalWeight);
    const country = countries.find((c) => (roll -= c.weight) < 0)!;
    const region = country.regions ? pick(southAfricanProvinces) : null;
    const city = region ? pick(country.regions![region]) : pick(country.cities);
    const firstName = pick(firstNames);
    const lastName = pick(lastNames);
    const hasEmail = random() < 0.8;
    const phone = random() < 0.9 ? country.phone(digit) : null;
    const email = hasEmail
      ? `${ascii(firstName)}.${ascii(lastName)}${i}@${pick(['example.org', 'example.com', 'example.net'])}`
      : null;
    const sectorCount = 1 + int(2);
    const sectors = [...new Set(Array.from({ length: sectorCount }, () => pick(allSectors)))];
    const channel: Channel = !email
      ? phone
        ? pick(['whatsapp', 'phone', 'sms'] as const)
        : 'phone'
      : random() < 0.7
        ? 'email'
        : 'whatsapp';
    yield {
      firstName,
      lastName,
      email,
      phone,
      whatsapp: phone && random() < 0.7 ? phone : null,
      countryCode: country.code,
      region,
      city,
      occupation: pick(occupations),
      sectors,
      preferredChannel: channel,
      preferredLanguage: random() < 0.35 ? 'st' : 'en',
      consent: random() < 0.85,
    };
  }
}

function ascii(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
