import { channels } from '../register/register.constants';

/** How a contact attempt was made: the member channels, plus a visit in person. */
export const outreachChannels = [...channels, 'visit'] as const;
export type OutreachChannel = (typeof outreachChannels)[number];

export const OUTREACH_NOTE_MAX = 1000;
