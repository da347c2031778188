import type { Schemas } from '$lib/api/client';
import { channelLabels, consentMethodLabels, languageLabels } from '../../members/register-options';
import { formatDate, formatPlace } from '../duplicate-format';

type Candidate = Schemas['MergeCandidateDto'];
export type MergeField = Schemas['MergeField'];

function consent(m: Candidate): string {
  if (!m.consentAt) return '';
  const what = [m.consentInvitations && 'invitations', m.consentUpdates && 'updates'].filter(Boolean).join(' and ') || 'nothing';
  return `To ${what}, given ${formatDate(m.consentAt)}${m.consentMethod ? ` by ${consentMethodLabels[m.consentMethod].toLowerCase()}` : ''}`;
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
  preferredChannel: { label: 'Preferred channel', show: (m) => channelLabels[m.preferredChannel] },
  preferredLanguage: { label: 'Preferred language', show: (m) => languageLabels[m.preferredLanguage] },
  consent: { label: 'Consent', show: consent },
};
