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

export const outcomeLabels: Record<OutreachOutcome, string> = {
  reached: 'Reached',
  registered: 'Registered',
  call_back: 'Call back',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  declined: 'Declined',
};

export const languageLabels: Record<string, string> = { en: 'English', st: 'Sesotho' };

export const formatWhen = (iso: string): string =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
