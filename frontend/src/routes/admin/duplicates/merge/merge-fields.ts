import type { Schemas } from '$lib/api/client';
import { formatDate, formatPlace } from '../duplicate-format';

type Candidate = Schemas['MergeCandidateDto'];
export type MergeField = Schemas['MergeField'];

const channels: Record<string, string> = { email: 'Email', whatsapp: 'WhatsApp', phone: 'Phone call', sms: 'SMS' };
const languages: Record<string, string> = { en: 'English', st: 'Sesotho' };
const methods: Record<string, string> = {
  web_form: 'web form',
  paper_form: 'paper form',
  phone_call: 'phone call',
  email: 'email',
  in_person: 'in person',
  import: 'import',
};

function consent(m: Candidate): string {
  if (!m.consentAt) return '';
  const what = [m.consentInvitations && 'invitations', m.consentUpdates && 'updates'].filter(Boolean).join(' and ') || 'nothing';
  return `To ${what}, given ${formatDate(m.consentAt)}${m.consentMethod ? ` by ${methods[m.consentMethod] ?? m.consentMethod}` : ''}`;
}

/** How each merge field is labelled and shown for one record; '' means the record has no value. */
export const fieldViews: Record<MergeField, { label: string; show: (m: Candidate) => string }> = {
  firstName: { label: 'First name', show: (m) => m.firstName },
  lastName: { label: 'Surname', show: (m) => m.lastName },
  email: { label: 'Email', show: (m) => m.email ?? '' },
  phone: { label: 'Phone', show: (m) => m.phone ?? '' },
  whatsapp: { label: 'WhatsApp', show: (m) => m.whatsapp ?? '' },
  location: { label: 'Lives in', show: formatPlace },
  occupation: { label: 'Occupation', show: (m) => m.occupation ?? '' },
  preferredChannel: { label: 'Preferred channel', show: (m) => channels[m.preferredChannel] ?? m.preferredChannel },
  preferredLanguage: { label: 'Preferred language', show: (m) => languages[m.preferredLanguage] ?? m.preferredLanguage },
  consent: { label: 'Consent', show: consent },
};
