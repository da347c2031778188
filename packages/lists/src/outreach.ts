import { channels } from './register';

/** How staff reached a member: the member's own channels, and a visit. */
export const outreachChannels = [...channels, 'visit'] as const;
export type OutreachChannel = (typeof outreachChannels)[number];

export const outreachOutcomes = ['reached', 'registered', 'call_back', 'no_answer', 'wrong_number', 'declined'] as const;
export type OutreachOutcome = (typeof outreachOutcomes)[number];

/** The words the console and the call sheets (PDF, CSV) print for an outcome. */
export const outreachOutcomeLabels: Record<OutreachOutcome, string> = {
  reached: 'Reached',
  registered: 'Registered',
  call_back: 'Call back',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
  declined: 'Declined',
};
