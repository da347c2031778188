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
  sectors: string[];
  preferredChannel: string;
  preferredLanguage: string;
  consentInvitations: boolean;
  consentUpdates: boolean;
}

export const sectorKeys = ['investment', 'trade', 'education', 'health', 'social', 'cultural', 'other'] as const;
export const channelKeys = ['email', 'whatsapp', 'phone', 'sms'] as const;

export function emptyMember(language: string): MemberFormValue {
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

type MemberFromApi = { [K in keyof MemberFormValue]: MemberFormValue[K] | null };

/** The form's copy of a member the API returned (nulls become empty fields; nothing else is carried along). */
export function fromApi(m: MemberFromApi): MemberFormValue {
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
    sectors: m.sectors ?? [],
    preferredChannel: text(m.preferredChannel),
    preferredLanguage: text(m.preferredLanguage),
    consentInvitations: !!m.consentInvitations,
    consentUpdates: !!m.consentUpdates,
  };
}

/** What the API takes: optional fields left empty are not sent, so "" never overwrites a value by mistake. */
export function toRequest(value: MemberFormValue): Record<string, unknown> {
  const optional = ['phone', 'whatsapp', 'region', 'city', 'occupation'] as const;
  const body: Record<string, unknown> = { ...value };
  for (const key of optional) if (!value[key].trim()) delete body[key];
  return body;
}
