// The lists the console offers too live in @diaspora-forum/lists, defined once for both.
export {
  type Channel,
  type ConsentMethod,
  type Language,
  type MemberSource,
  type MemberStatus,
  type OutreachOutcome,
  type Sector,
  channels,
  sectors,
  consentMethods,
  languages,
  memberSources,
  memberStatuses,
  outreachOutcomes,
  southAfricanProvinces,
} from '@diaspora-forum/lists';

export const memberEventKinds = [
  'created',
  'updated',
  'imported',
  'confirmed',
  'merged',
  'exported',
  'erased',
  'outreach',
] as const;
export type MemberEventKind = (typeof memberEventKinds)[number];
