import type { Schemas } from '$lib/api/client';

type Sector = Schemas['Sector'];
type Channel = Schemas['Channel'];
type Language = Schemas['Language'];

/** The member's own details as the public forms edit them (register and "my details"). */
export interface MemberFormValue {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  whatsapp: string;
  countryCode: string;
  region: string;
  city: string;
  occupation: string;
  sectors: Sector[];
  preferredChannel: Channel;
  preferredLanguage: Language;
  consentInvitations: boolean;
  consentUpdates: boolean;
}

export function emptyMember(language: Language): MemberFormValue {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    whatsapp: '',
    countryCode: 'ZA',
    region: '',
    city: '',
    occupation: '',
    sectors: [],
    preferredChannel: 'email',
    preferredLanguage: language,
    consentInvitations: true,
    consentUpdates: true,
  };
}

/** The form's copy of a member the API returned (nulls become empty fields; nothing else is carried along). */
export function fromApi(m: Schemas['MemberSelfDto']): MemberFormValue {
  const text = (v: string | null) => v ?? '';
  return {
    firstName: text(m.firstName),
    lastName: text(m.lastName),
    email: text(m.email),
    phone: text(m.phone),
    whatsapp: text(m.whatsapp),
    countryCode: text(m.countryCode),
    region: text(m.region),
    city: text(m.city),
    occupation: text(m.occupation),
    sectors: m.sectors,
    preferredChannel: m.preferredChannel,
    preferredLanguage: m.preferredLanguage,
    consentInvitations: m.consentInvitations,
    consentUpdates: m.consentUpdates,
  };
}

/** What the API takes: optional fields left empty are not sent, so "" never overwrites a value by mistake. */
export function toRequest(value: MemberFormValue): MemberRequest {
  const body: MemberRequest = { ...value };
  for (const key of optionalFields) if (!value[key].trim()) delete body[key];
  return body;
}

const optionalFields = ['phone', 'whatsapp', 'region', 'city', 'occupation'] as const;
type OptionalField = (typeof optionalFields)[number];
/** The form's fields as both `SelfUpdateDto` and (with `agree`) `SelfRegistrationDto` take them. */
type MemberRequest = Omit<MemberFormValue, OptionalField> & Partial<Pick<MemberFormValue, OptionalField>>;
