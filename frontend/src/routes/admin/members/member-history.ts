import type { Schemas } from '$lib/api/client';
import { consentMethodLabels, sourceLabels } from './register-options';

type MemberEvent = Schemas['MemberEventDto'];

const fieldNames: Record<string, string> = {
  firstName: 'first name',
  lastName: 'surname',
  email: 'email',
  phone: 'phone',
  whatsapp: 'WhatsApp',
  countryCode: 'country',
  region: 'region',
  city: 'city',
  occupation: 'occupation',
  sectors: 'sectors',
  preferredChannel: 'preferred channel',
  preferredLanguage: 'language',
  consentInvitations: 'consent to invitations',
  consentUpdates: 'consent to updates',
};

const kindNames: Record<MemberEvent['kind'], string> = {
  created: 'Added',
  updated: 'Changed',
  imported: 'Imported',
  confirmed: 'Confirmed their email',
  merged: 'Merged',
  exported: 'Exported their data',
  erased: 'Erased',
  outreach: 'Contacted',
};

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** One line of a member's history in words, e.g. "Consent recorded (phone call): invitations yes, updates no". */
export function describeEvent(event: Pick<MemberEvent, 'kind' | 'details'>): string {
  const details = event.details ?? {};
  if (event.kind === 'updated' && details.change === 'consent') {
    const method = text(details.method);
    const how = method ? ` (${(consentMethodLabels as Record<string, string>)[method]?.toLowerCase() ?? method})` : '';
    const yesNo = (v: unknown) => (v ? 'yes' : 'no');
    return `Consent recorded${how}: invitations ${yesNo(details.consentInvitations)}, updates ${yesNo(details.consentUpdates)}`;
  }
  if (event.kind === 'updated') {
    const fields = list(details.fields).map((f) => fieldNames[f] ?? f);
    return fields.length ? `Changed ${fields.join(', ')}` : 'Changed';
  }
  if (event.kind === 'created') {
    const source = text(details.source);
    return source ? `Added (${(sourceLabels as Record<string, string>)[source]?.toLowerCase() ?? source})` : 'Added';
  }
  return kindNames[event.kind] ?? event.kind;
}

/** Who did it: the staff member's name, "the member" (personal link) or "the system". */
export function describeActor(event: Pick<MemberEvent, 'actor' | 'actorName'>): string {
  if (event.actorName) return event.actorName;
  if (event.actor === 'member') return 'the member';
  if (event.actor.startsWith('staff:')) return 'a former staff account';
  return 'the system';
}
