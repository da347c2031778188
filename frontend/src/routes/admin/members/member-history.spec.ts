import { describe, expect, it } from 'vitest';
import { describeActor, describeEvent } from './member-history';

describe('member history in words', () => {
  it('names the fields an edit changed', () => {
    expect(describeEvent({ kind: 'updated', details: { fields: ['city', 'preferredChannel', 'sectors'] } })).toBe(
      'Changed city, preferred channel, sectors',
    );
  });

  it('spells out a consent record with its method', () => {
    expect(
      describeEvent({
        kind: 'updated',
        details: { change: 'consent', consentInvitations: true, consentUpdates: false, method: 'phone_call', fields: [] },
      }),
    ).toBe('Consent recorded (phone call): invitations yes, updates no');
  });

  it('says where a member came from, and names other kinds plainly', () => {
    expect(describeEvent({ kind: 'created', details: { source: 'walk_in' } })).toBe('Added (walk-in)');
    expect(describeEvent({ kind: 'confirmed', details: null })).toBe('Confirmed their email');
  });

  it('names who did it', () => {
    expect(describeActor({ actor: 'staff:1', actorName: 'Palesa Mokoena' })).toBe('Palesa Mokoena');
    expect(describeActor({ actor: 'staff:2', actorName: null })).toBe('a former staff account');
    expect(describeActor({ actor: 'member', actorName: null })).toBe('the member');
    expect(describeActor({ actor: 'system', actorName: null })).toBe('the system');
  });
});
