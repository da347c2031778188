import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { addMembers, aMember, anOpenForum } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { AttendeesService } from './attendees.service';

describe(AttendeesService.name, () => {
  let t: TestApp;
  let organiser: Agent;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  const add = (forumId: string, body: Record<string, unknown>) =>
    organiser
      .post(`/api/v1/forums/${forumId}/attendees`)
      .send({ role: 'presenter', firstName: 'Zoë', lastName: 'Ntšekhe', ...body });

  it('adds people by hand, each with the forum’s next badge number, even many at once', async () => {
    const forum = await anOpenForum(organiser);
    const first = await add(forum.id, { countryCode: 'za', region: ' Gauteng ' }).expect(201);
    expect(first.body).toMatchObject({
      role: 'presenter',
      firstName: 'Zoë',
      lastName: 'Ntšekhe',
      countryCode: 'ZA',
      region: 'Gauteng',
      badgeNumber: 1,
      badgeVersion: 1,
      badgeRevoked: false,
      status: 'confirmed',
      memberId: null,
    });
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) => add(forum.id, { role: 'staff', lastName: `Staff${i}` }).expect(201)),
    );
    const numbers = many.map((r) => r.body.badgeNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    const [{ lastBadgeNumber }] = await t.dataSource.query('SELECT lastBadgeNumber FROM forums WHERE id = ?', [forum.id]);
    expect(Number(lastBadgeNumber)).toBe(13);
  });

  it('lists in surname order with badge version and revocation, filtered by role', async () => {
    const forum = await anOpenForum(organiser);
    await add(forum.id, { role: 'press', firstName: 'Thabo', lastName: 'Mokoena' }).expect(201);
    await add(forum.id, { role: 'vip', firstName: 'Lineo', lastName: 'Akhosi' }).expect(201);
    const all = await organiser.get(`/api/v1/forums/${forum.id}/attendees`).expect(200);
    expect(all.body.map((a: { lastName: string }) => a.lastName)).toEqual(['Akhosi', 'Mokoena']);
    expect(all.body[0]).toMatchObject({ badgeVersion: 1, badgeRevoked: false });
    const press = await organiser.get(`/api/v1/forums/${forum.id}/attendees?role=press`).expect(200);
    expect(press.body.map((a: { lastName: string }) => a.lastName)).toEqual(['Mokoena']);
    await organiser.get(`/api/v1/forums/${forum.id}/attendees?role=king`).expect(400);
    await organiser.get(`/api/v1/forums/${randomUUID()}/attendees`).expect(404);
  });

  it('links a register member at most once per forum', async () => {
    const forum = await anOpenForum(organiser);
    const [member] = await addMembers(t, [aMember()]);
    await add(forum.id, { memberId: member.id }).expect(201);
    const again = await add(forum.id, { memberId: member.id }).expect(409);
    expect(again.body.fields).toEqual({ memberId: ['already an attendee of this forum'] });
    await add(forum.id, { memberId: randomUUID() }).expect(404);
  });

  it('refuses bad input with field messages, unknown forums with 404, and anyone but organisers', async () => {
    const forum = await anOpenForum(organiser);
    const bad = await organiser
      .post(`/api/v1/forums/${forum.id}/attendees`)
      .send({ role: 'king', firstName: '  ', lastName: 'x'.repeat(81), countryCode: 'South Africa', memberId: 'nope' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['countryCode', 'firstName', 'lastName', 'memberId', 'role']);
    await add(randomUUID(), {}).expect(404);
    await organiser.post(`/api/v1/forums/not-a-uuid/attendees`).send({}).expect(400);
    const registrar = await t.signedIn('registrar');
    await registrar
      .post(`/api/v1/forums/${forum.id}/attendees`)
      .send({ role: 'staff', firstName: 'A', lastName: 'B' })
      .expect(403);
    await t.anon().get(`/api/v1/forums/${forum.id}/attendees`).expect(401);
  });

  it('changes the role, re-issues (new version, no longer revoked) and revokes', async () => {
    const forum = await anOpenForum(organiser);
    const { body: a } = await add(forum.id, { role: 'attendee' }).expect(201);
    const base = `/api/v1/forums/${forum.id}/attendees/${a.id}`;
    expect((await organiser.patch(base).send({ role: 'vip' }).expect(200)).body.role).toBe('vip');
    await organiser.patch(base).send({ role: 'queen' }).expect(400);
    expect((await organiser.post(`${base}/badge/revoke`).expect(200)).body).toMatchObject({
      badgeRevoked: true,
      badgeVersion: 1,
    });
    expect((await organiser.post(`${base}/badge/reissue`).expect(200)).body).toMatchObject({
      badgeRevoked: false,
      badgeVersion: 2,
    });
    expect((await organiser.post(`${base}/badge/reissue`).expect(200)).body.badgeVersion).toBe(3);
    const other = await anOpenForum(organiser);
    await organiser.post(`/api/v1/forums/${other.id}/attendees/${a.id}/badge/revoke`).expect(404);
    await organiser.patch(`/api/v1/forums/${forum.id}/attendees/${randomUUID()}`).send({ role: 'vip' }).expect(404);
  });

  it('reads printable badges a page at a time in the same order as the list, ties and case included', async () => {
    const forum = await anOpenForum(organiser);
    const names = [
      ['Lineo', 'Mokoena'],
      ['Thabo', 'mokoena'],
      ['Lineo', 'Mokoena'],
      ['Ann', 'de Klerk'],
      ['Zed', 'Akhosi'],
      ['Mpho', 'Mokoena'],
    ];
    for (const [firstName, lastName] of names) await add(forum.id, { firstName, lastName }).expect(201);
    const listed = (await organiser.get(`/api/v1/forums/${forum.id}/attendees`).expect(200)).body.map(
      (a: { id: string }) => a.id,
    );
    const paged: string[] = [];
    for await (const page of t.app.get(AttendeesService).printable(forum.id, undefined, 2)) paged.push(...page.map((a) => a.id));
    expect(paged).toEqual(listed);
    const surnames = (await organiser.get(`/api/v1/forums/${forum.id}/attendees`)).body.map(
      (a: { lastName: string }) => a.lastName,
    );
    expect(surnames.slice(0, 2)).toEqual(['Akhosi', 'de Klerk']);
  });
});
