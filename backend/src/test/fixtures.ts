import type { Agent } from 'supertest';
import { MemberRepository, type NewMember } from '../register/member.repository';
import type { TestApp } from './test-app';

let n = 0;

/** A register member as tests need them; everything can be overridden. */
export function aMember(over: Partial<NewMember> = {}): NewMember {
  n += 1;
  return {
    firstName: `Member${n}`,
    lastName: `Mokoena${n}`,
    email: `member${n}.${Date.now().toString(36)}@example.org`,
    phone: null,
    whatsapp: null,
    countryCode: 'ZA',
    region: 'Gauteng',
    city: 'Johannesburg',
    occupation: null,
    sectors: ['health'],
    preferredChannel: 'email',
    preferredLanguage: 'en',
    consentAt: new Date(),
    consentMethod: 'paper_form',
    consentInvitations: true,
    consentUpdates: true,
    source: 'registrar',
    sourceBatchId: null,
    status: 'active',
    createdById: null,
    ...over,
  };
}

export async function addMembers(t: TestApp, members: NewMember[]) {
  return t.app.get(MemberRepository).insert(members);
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
