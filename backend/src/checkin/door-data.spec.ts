import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Agent } from 'supertest';
import { addMembers, aMember } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import {
  addAttendees,
  assignDoors,
  DAY1,
  DAY2,
  forumAtDoor,
  listen,
  rawGet,
  scan,
  sessionCookie,
} from '../test/check-in-helpers';
import { DoorController } from './door.controller';
import { Invitation } from '../invitations/invitation.entity';

describe(`${DoorController.name}: door data`, () => {
  let t: TestApp;
  let organiser: Agent;
  let door: Agent & { userId: string };

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    door = await t.signedIn('door');
  });
  afterAll(() => t.close());

  const checkIn = (agent: Agent, forumId: string, ...items: Record<string, unknown>[]) =>
    agent.post(`/api/v1/door/forums/${forumId}/check-ins`).send({ checkIns: items });

  describe('door data', () => {
    it('lists forums that are open or closed, not drafts', async () => {
      const open = await forumAtDoor(t, organiser, { name: 'Door list forum' });
      await organiser
        .post('/api/v1/forums')
        .send({ name: 'Draft at the door', venue: 'Maseru', startDate: DAY1, endDate: DAY2, capacity: 10 })
        .expect(201);
      const res = await door.get('/api/v1/door/forums').expect(200);
      const ids = (res.body as { id: string; name: string }[]).map((f) => f.name);
      expect(ids).toContain('Door list forum');
      expect(ids).not.toContain('Draft at the door');
      expect(res.body.find((f: { id: string }) => f.id === open.id)).toEqual({
        id: open.id,
        name: 'Door list forum',
        venue: 'Manthabiseng Convention Centre, Maseru',
        timezone: 'Africa/Maseru',
        days: [DAY1, DAY2],
        status: 'open',
      });
    });

    it('sends tuples with only what the door needs: no countries, no free-text needs, phone tails only when enabled', async () => {
      const forum = await forumAtDoor(t, organiser, { doorPhoneSearch: true });
      const [member] = await addMembers(t, [
        aMember({ email: 'secret.person@example.org', phone: '+27821234567', occupation: 'Secret occupation' }),
      ]);
      // Zoë answered her invitation for the second day only.
      const invitations = t.dataSource.getRepository(Invitation);
      const dayTwoOnly = await invitations.save(
        invitations.create({ forumId: forum.id, memberId: member.id, locale: 'en', days: [DAY2] }),
      );
      await addAttendees(t, forum.id, [
        {
          memberId: member.id,
          firstName: 'Palesa',
          lastName: 'Ntšekhe',
          needs: ['wheelchair', 'Needs a quiet seat near the exit'],
          role: 'presenter',
        },
        {
          firstName: 'Zoë',
          lastName: 'Mokoena',
          countryCode: 'GB',
          region: 'London',
          badgeRevoked: true,
          invitationId: dayTwoOnly.id,
        },
        { firstName: 'Lerato', lastName: 'Cancelled', status: 'cancelled', badgeVersion: 3 },
      ]);
      await checkIn(door, forum.id, scan({ badgeNumber: 1, door: 'North door' })).expect(200);

      const port = await listen(t);
      const cookie = await sessionCookie(t, 'door');
      await assignDoors(t, forum.id);
      const path = (day: string) => `/api/v1/door/forums/${forum.id}/data?day=${day}`;
      const raw = await rawGet(port, path(DAY1), { Cookie: cookie });
      expect(raw.status).toBe(200);
      const data = JSON.parse(raw.body.toString('utf8'));

      expect(data.forum).toEqual({
        id: forum.id,
        name: expect.any(String),
        tag: forum.id.replace(/-/g, '').slice(0, 8),
        timezone: 'Africa/Maseru',
        days: [DAY1, DAY2],
      });
      expect(data.day).toBe(DAY1);
      expect(data.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Date.parse(data.generatedAt)).not.toBeNaN();
      expect(data.attendees).toEqual([
        [1, 1, 'presenter', 'Palesa', 'Ntšekhe', null, null, ['wheelchair'], 0, '4567', [expect.any(String), 'North door'], 1],
        [2, 1, 'attendee', 'Zoë', 'Mokoena', null, null, null, 1, null, null, 0],
        [3, 3, 'attendee', 'Lerato', 'Cancelled', null, null, null, 1, null, null, 1],
      ]);
      // Nothing else about people leaves the server: no emails, full phones, ids or occupations.
      const text = JSON.stringify(data);
      for (const secret of [
        'secret.person',
        '+27821234567',
        '821234567',
        'Secret occupation',
        member.id,
        'quiet seat',
        'London',
      ]) {
        expect(text).not.toContain(secret);
      }

      const day2 = JSON.parse((await rawGet(port, path(DAY2), { Cookie: cookie })).body.toString('utf8'));
      expect(day2.attendees[0][10]).toBeNull(); // admitted on day 1 only
      expect(day2.attendees.map((a: unknown[]) => a[11])).toEqual([1, 1, 1]);

      // Without search by phone (the default), not even the last digits leave the server.
      await organiser.patch(`/api/v1/forums/${forum.id}`).send({ doorPhoneSearch: false }).expect(200);
      const noPhones = JSON.parse((await rawGet(port, path(DAY1), { Cookie: cookie })).body.toString('utf8'));
      expect(noPhones.attendees.map((a: unknown[]) => a[9])).toEqual([null, null, null]);
      expect(JSON.stringify(noPhones)).not.toContain('4567');
    });

    it('compresses the door data with brotli or gzip, as the device accepts', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(
        t,
        forum.id,
        Array.from({ length: 60 }, () => ({})),
      );
      const port = await listen(t);
      const cookie = await sessionCookie(t, 'door');
      await assignDoors(t, forum.id);
      const path = `/api/v1/door/forums/${forum.id}/data?day=${DAY1}`;
      const br = await rawGet(port, path, { Cookie: cookie, 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8')).attendees).toHaveLength(60);
      const gz = await rawGet(port, path, { Cookie: cookie, 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gz.body).toString('utf8')).attendees).toHaveLength(60);
      const plain = await rawGet(port, path, { Cookie: cookie });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(br.body.length * 3);
    });

    it('refuses a day outside the forum (400 with a field message) and an unknown forum (404)', async () => {
      const forum = await forumAtDoor(t, organiser);
      const bad = await door.get(`/api/v1/door/forums/${forum.id}/data?day=2027-04-10`).expect(400);
      expect(bad.body.fields.day[0]).toMatch(/not a day of this forum/);
      const malformed = await door.get(`/api/v1/door/forums/${forum.id}/data?day=8 April`).expect(400);
      expect(malformed.body.fields.day).toBeDefined();
      await door.get(`/api/v1/door/forums/00000000-0000-4000-8000-000000000000/data?day=${DAY1}`).expect(404);
      await checkIn(door, '00000000-0000-4000-8000-000000000000', scan()).expect(404);
    });
  });
});
