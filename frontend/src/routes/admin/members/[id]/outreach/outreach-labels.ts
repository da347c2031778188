import type { Schemas } from '$lib/api/client';

export type OutreachChannel = Schemas['OutreachChannel'];
export type OutreachOutcome = Schemas['OutreachOutcome'];

export const channelLabels: Record<OutreachChannel, string> = {
  phone: 'Phone call',
  whatsapp: 'WhatsApp',
  sms: 'SMS',
  email: 'Email',
  visit: 'Visit',
};

// The words the call sheets (PDF, CSV) print too: one copy, shared with the backend.
export { languageLabels, outreachOutcomeLabels as outcomeLabels } from '@diaspora-forum/lists';

export const formatWhen = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
