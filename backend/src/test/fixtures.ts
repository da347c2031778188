import type { INestApplication } from '@nestjs/common';
import { MessageSecrets } from '../mail/message-secrets';
import type { Agent } from 'supertest';
import type { Member } from '../register/member.entity';
import { MemberRepository, type NewMember } from '../register/member.repository';
import type { TestApp } from './test-app';

// The one fixture system for backend tests: members written straight to the register (as an
// import would) and forums made through the API.

export type MemberFixture = Partial<NewMember> & { createdAt?: Date };

/** A member with neutral defaults (ZA/Gauteng, no contacts, no consent); tests set what they check. */
export function memberRow(fixture: MemberFixture = {}): NewMember & { createdAt?: Date } {
  return {
    firstName: 'Thabo',
    lastName: 'Mokoena',
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

let n = 0;

/** A distinct, invitable member: own name and email, consent to invitations and updates. */
export function aMember(over: MemberFixture = {}): NewMember {
  n += 1;
  return memberRow({
    firstName: `Member${n}`,
    lastName: `Mokoena${n}`,
    email: `member${n}.${Date.now().toString(36)}@example.org`,
    city: 'Johannesburg',
    sectors: ['health'],
    consentAt: new Date(),
    consentMethod: 'paper_form',
    consentInvitations: true,
    consentUpdates: true,
    source: 'registrar',
    ...over,
  });
}

export async function addMembers(t: TestApp, members: NewMember[]) {
  return insertMembers(t.app, members);
}

/** An open forum through the API, as an organiser makes it (closing any other open one: one at a time). */
export async function anOpenForum(organiser: Agent, over: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
  for (const forum of (await organiser.get('/api/v1/forums')).body as { id: string; status: string }[]) {
    if (forum.status === 'open') await organiser.patch(`/api/v1/forums/${forum.id}`).send({ status: 'closed' });
  }
  const res = await organiser.post('/api/v1/forums').send({
    name: `Forum ${++n}`,
    venue: 'Manthabiseng Convention Centre, Maseru',
    startDate: '2027-04-08',
    endDate: '2027-04-09',
    capacity: 300,
    status: 'open',
    ...over,
  });
  if (res.status !== 201) throw new Error(`forum: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Invites members to a forum through a campaign and returns each one's personal link token, read from the outbox. */
export async function inviteMembers(t: TestApp, organiser: Agent, forumId: string, members: { id: string }[]): Promise<string[]> {
  const campaign = await organiser
    .post(`/api/v1/forums/${forumId}/campaigns`)
    .send({ name: 'Test', audience: { memberIds: members.map((m) => m.id) } })
    .expect(201);
  await organiser.post(`/api/v1/campaigns/${campaign.body.id}/send`).send({}).expect(200);
  const tokens: string[] = [];
  for (const member of members) {
    const [row] = await t.dataSource.query("SELECT id FROM messages WHERE template = 'forum-invitation' AND memberId = ?", [
      member.id,
    ]);
    tokens.push(await linkTokenOf(t, row.id, 'rsvpUrl'));
  }
  return tokens;
}

/**
 * The token of a personal link in a message still in the outbox, unsealed as the mail worker does
 * (the row itself holds the link masked and sealed only).
 */
export async function linkTokenOf(t: Pick<TestApp, 'app' | 'dataSource'>, messageId: string, key: string): Promise<string> {
  const [row] = await t.dataSource.query('SELECT recipient, idempotencyKey, sealedSecrets FROM messages WHERE id = ?', [
    messageId,
  ]);
  if (!row?.sealedSecrets) throw new Error(`message ${messageId} holds no sealed link`);
  const url = t.app.get(MessageSecrets, { strict: false }).open(row.sealedSecrets, row)[key];
  if (!url) throw new Error(`message ${messageId} has no ${key}`);
  return url.split('/').at(-1)!;
}
