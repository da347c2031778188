import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { BadgeSigner } from '../badges/badge-signer.service';
import { addMembers, aMember } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { addAttendees, aNonce, DAY1, DAY2, forumAtDoor } from '../test/check-in-helpers';
import { WalkInService } from './walk-in.service';

describe(WalkInService.name, () => {
  let t: TestApp;
  let organiser: Agent;
  let door: Agent;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    door = await t.signedIn('door');
  });
  afterAll(() => t.close());

  const walkIn = (forumId: string, over: Record<string, unknown> = {}) =>
    door.post(`/api/v1/door/forums/${forumId}/walk-ins`).send({
      nonce: aNonce(),
      day: DAY1,
      door: 'Main gate',
      firstName: 'Mpho',
      lastName: 'Walk-in',
      phone: '082 555 0101',
      countryCode: 'ZA',
      region: 'gp',
      preferredLanguage: 'st',
      consent: true,
      ...over,
    });
  const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);

  it('registers a new member with consent (source walk_in), gives a badge and admits them for the day', async () => {
    const forum = await forumAtDoor(t, organiser);
    await addAttendees(t, forum.id, [{}, {}]);
    await t.dataSource.query('UPDATE forums SET lastBadgeNumber = 2 WHERE id = ?', [forum.id]);
    const res = await walkIn(forum.id, { needs: ['wheelchair'] }).expect(201);
    expect(res.body.attendee).toEqual([
      3,
      1,
      'attendee',
      'Mpho',
      'Walk-in',
      null,
      null,
      ['wheelchair'],
      0,
      null,
      [expect.any(String), 'Main gate'],
      1,
    ]);
    expect(await t.app.get(BadgeSigner).verify(forum.id, res.body.qrText)).toEqual({
      forumId: forum.id,
      badgeNumber: 3,
      badgeVersion: 1,
    });
    const [member] = await t.dataSource.query('SELECT * FROM members WHERE phone = ?', ['+27825550101']);
    expect(member).toMatchObject({ source: 'walk_in', consentMethod: 'in_person', preferredLanguage: 'st', status: 'active' });
    expect(member.consentAt).toBeTruthy();
    const [attendee] = await t.dataSource.query('SELECT * FROM attendees WHERE forumId = ? AND badgeNumber = 3', [forum.id]);
    expect(attendee.memberId).toBe(member.id);
    const [checkIn] = await t.dataSource.query('SELECT * FROM check_ins WHERE attendeeId = ?', [attendee.id]);
    expect(checkIn).toMatchObject({ method: 'walk_in', result: 'admitted', day: DAY1, door: 'Main gate' });
    // The badge works at the door the next day, and is already in for today.
    const scan = (day: string) =>
      door.post(`/api/v1/door/forums/${forum.id}/check-ins`).send({
        checkIns: [
          {
            nonce: aNonce(),
            badgeNumber: 3,
            badgeVersion: 1,
            day,
            scannedAt: new Date().toISOString(),
            door: 'B',
            method: 'scan',
            offline: false,
          },
        ],
      });
    expect((await scan(DAY1).expect(200)).body.results[0].result).toBe('duplicate');
    expect((await scan(DAY2).expect(200)).body.results[0].result).toBe('admitted');
  });

  it('uses the member who already has that email or phone, and answers 409 when they are already an attendee', async () => {
    const forum = await forumAtDoor(t, organiser);
    const [known] = await addMembers(t, [aMember({ firstName: 'Known', lastName: 'Member', email: 'known.walkin@example.org' })]);
    const before = await count('members');
    const res = await walkIn(forum.id, {
      firstName: 'Typed',
      lastName: 'Differently',
      email: 'Known.Walkin@example.org',
      phone: undefined,
    }).expect(201);
    expect(await count('members')).toBe(before);
    expect(res.body.attendee.slice(2, 5)).toEqual(['attendee', 'Known', 'Member']);
    const [attendee] = await t.dataSource.query('SELECT memberId FROM attendees WHERE forumId = ?', [forum.id]);
    expect(attendee.memberId).toBe(known.id);

    const again = await walkIn(forum.id, { email: 'known.walkin@example.org', phone: undefined }).expect(409);
    expect(again.body.message).toContain(`badge ${res.body.attendee[0]}`);
  });

  it('refuses bad input with field messages and stores nothing', async () => {
    const forum = await forumAtDoor(t, organiser);
    const counts = async () => [await count('members'), await count('attendees'), await count('check_ins')];
    const before = await counts();
    const noConsent = await walkIn(forum.id, { consent: false }).expect(400);
    expect(noConsent.body.fields.consent).toBeDefined();
    const noContact = await walkIn(forum.id, { phone: undefined }).expect(400);
    expect(noContact.body.fields.email[0]).toMatch(/email address or a phone number/);
    const badPhone = await walkIn(forum.id, { phone: '12' }).expect(400);
    expect(badPhone.body.fields.phone).toBeDefined();
    const badProvince = await walkIn(forum.id, { region: 'Atlantis' }).expect(400);
    expect(badProvince.body.fields.region).toBeDefined();
    const badDay = await walkIn(forum.id, { day: '2027-01-01' }).expect(400);
    expect(badDay.body.fields.day).toBeDefined();
    const missing = await door.post(`/api/v1/door/forums/${forum.id}/walk-ins`).send({}).expect(400);
    expect(Object.keys(missing.body.fields)).toEqual(expect.arrayContaining(['nonce', 'day', 'door', 'firstName', 'consent']));
    expect(await counts()).toEqual(before);
  });

  it('answers a replayed walk-in with the same badge, without a second person', async () => {
    const forum = await forumAtDoor(t, organiser);
    const nonce = aNonce();
    const first = await walkIn(forum.id, { nonce, phone: '082 555 0202' }).expect(201);
    const again = await walkIn(forum.id, { nonce, phone: '082 555 0202' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await count('attendees', 'forumId = ?', [forum.id])).toBe(1);
  });
});
