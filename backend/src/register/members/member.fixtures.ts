// Test helpers: members written straight to the register (as an import would), with the
// fields a filter test needs to control. Used by the member and segment specs only.
import type { INestApplication } from '@nestjs/common';
import type { Member } from '../member.entity';
import { MemberRepository, type NewMember } from '../member.repository';

export type MemberFixture = Partial<NewMember> & Pick<NewMember, 'firstName' | 'lastName'> & { createdAt?: Date };

export function memberRow(fixture: MemberFixture): NewMember & { createdAt?: Date } {
  return {
    email: null,
    phone: null,
    whatsapp: null,
    countryCode: 'ZA',
    region: 'Gauteng',
    city: null,
    occupation: null,
    sectors: [],
    preferredChannel: 'email',
    preferredLanguage: 'en',
    consentAt: null,
    consentMethod: null,
    consentInvitations: false,
    consentUpdates: false,
    source: 'import',
    sourceBatchId: null,
    status: 'active',
    createdById: null,
    ...fixture,
  };
}

export async function insertMembers(app: INestApplication, fixtures: MemberFixture[]): Promise<Member[]> {
  return app.get(MemberRepository).insert(fixtures.map(memberRow));
}
