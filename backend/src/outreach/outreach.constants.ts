/** How a contact attempt was made: the member channels, plus a visit in person (shared with the console). */
export { type OutreachChannel, outreachChannels } from '@diaspora-forum/lists';

export const OUTREACH_NOTE_MAX = 1000;
