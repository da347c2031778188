import type { MemberInput } from '../member-input';
import type { Member } from '../member.entity';

/**
 * What an organiser picks per field when merging two records. Country, region and city travel
 * together (a province only makes sense with its country), and so do the four consent columns
 * (consent is one decision, given at one time, by one method).
 */
export const mergeFields = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'whatsapp',
  'location',
  'occupation',
  'preferredChannel',
  'preferredLanguage',
  'consent',
] as const;
export type MergeField = (typeof mergeFields)[number];

/** For each field, the id of the member whose value is kept. */
export type MergeChoices = Record<MergeField, string>;

type Candidate = Pick<
  Member,
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'whatsapp'
  | 'countryCode'
  | 'region'
  | 'city'
  | 'occupation'
  | 'preferredChannel'
  | 'preferredLanguage'
  | 'consentAt'
  | 'updatedAt'
>;

function isEmpty(member: Candidate, field: MergeField): boolean {
  switch (field) {
    case 'location':
      return !member.countryCode;
    case 'consent':
      return !member.consentAt;
    default:
      return member[field] === null || member[field] === '';
  }
}

/**
 * The best value per field: the non-empty one; when both have one, the more recently updated
 * record's; for consent, the most recently given. Ties go to the first member (the one kept).
 */
export function bestChoices(first: Candidate, second: Candidate): MergeChoices {
  const newer = second.updatedAt.getTime() > first.updatedAt.getTime() ? second : first;
  const choices = {} as MergeChoices;
  for (const field of mergeFields) {
    const firstEmpty = isEmpty(first, field);
    const secondEmpty = isEmpty(second, field);
    if (field === 'consent' && !firstEmpty && !secondEmpty) {
      choices.consent = second.consentAt!.getTime() > first.consentAt!.getTime() ? second.id : first.id;
    } else if (firstEmpty !== secondEmpty) {
      choices[field] = firstEmpty ? second.id : first.id;
    } else {
      choices[field] = newer.id;
    }
  }
  return choices;
}

/** The member's contact and profile fields as the chosen sources give them, ready to normalise again. */
export function chosenInput(choices: MergeChoices, members: Member[]): MemberInput & { sectors: string[] } {
  const from = (field: MergeField) => members.find((m) => m.id === choices[field])!;
  const location = from('location');
  return {
    firstName: from('firstName').firstName,
    lastName: from('lastName').lastName,
    email: from('email').email,
    phone: from('phone').phone,
    whatsapp: from('whatsapp').whatsapp,
    countryCode: location.countryCode,
    region: location.region,
    city: location.city,
    occupation: from('occupation').occupation,
    preferredChannel: from('preferredChannel').preferredChannel,
    preferredLanguage: from('preferredLanguage').preferredLanguage,
    sectors: [...new Set(members.flatMap((m) => (m.sectors ?? []).map((s) => s.sector)))].sort(),
  };
}

/** The consent columns of the member chosen for consent. */
export function chosenConsent(
  choices: MergeChoices,
  members: Member[],
): Pick<Member, 'consentAt' | 'consentMethod' | 'consentInvitations' | 'consentUpdates'> {
  const source = members.find((m) => m.id === choices.consent)!;
  return {
    consentAt: source.consentAt,
    consentMethod: source.consentMethod,
    consentInvitations: source.consentInvitations,
    consentUpdates: source.consentUpdates,
  };
}
