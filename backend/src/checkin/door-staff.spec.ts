import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { binary, poppler } from '../test/pdf-tools';
import { addMembers, aMember, anOpenForum } from '../test/fixtures';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test/test-app';
import { addAttendees, aNonce, DAY1, DAY2, scan } from '../test/check-in-helpers';
import { DoorStaffController } from './door-staff.controller';

/** 11:00 at the venue on the forum's second day: the clock every request here sees. */
const NOW = new Date('2027-04-09T09:00:00.000Z');
/** A time on the forum's first day at the venue (Africa/Maseru, UTC+2). */
const ON_DAY1 = '2027-04-08T08:00:00.000Z';

type Door = Agent & { userId: string };

describe(DoorStaffController.name, () => {
  let t: TestApp;
  let organiser: Agent;
  let door: Door;
  let otherDoor: Door;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    t.setNow(NOW);
    organiser = await t.signedIn('organiser');
    door = await t.signedIn('door');
    otherDoor = await t.signedIn('door');
  });
  afterAll(() => t.close());

  const assign = (userId: string, assignments: { forumId: string; days?: string[] | null }[]) =>
    organiser.put(`/api/v1/door-staff/${userId}/assignments`).send({ assignments });
  const checkIn = (agent: Agent, forumId: string, ...items: Record<string, unknown>[]) =>
    agent.post(`/api/v1/door/forums/${forumId}/check-ins`).send({ checkIns: items });
  const at = (over: Record<string, unknown> = {}) => scan({ scannedAt: ON_DAY1, ...over });
  const audit = async (action: string) =>
    (await t.dataSource.query('SELECT actorId, targetType, targetId, summary FROM audit_entries WHERE action = ? ORDER BY at', [
      action,
    ])) as { actorId: string; targetType: string; targetId: string; summary: string }[];

  describe('assignments', () => {
    it('a door account reaches only the forums (and days) an organiser assigned it, and the change is audited', async () => {
      const mine = await anOpenForum(organiser, { name: 'Assigned forum' });
      const theirs = await anOpenForum(organiser, { name: 'Not assigned forum', status: 'closed' });
      await addAttendees(t, mine.id, [{}]);
      await addAttendees(t, theirs.id, [{}]);

      // Before any assignment: nothing.
      expect((await door.get('/api/v1/door/forums').expect(200)).body).toEqual([]);
      await door.get(`/api/v1/door/forums/${mine.id}/data?day=${DAY1}`).expect(404);

      await assign(door.userId, [{ forumId: mine.id }]).expect(200);
      const forums = (await door.get('/api/v1/door/forums').expect(200)).body as { name: string; days: string[] }[];
      expect(forums.map((f) => [f.name, f.days])).toEqual([['Assigned forum', [DAY1, DAY2]]]);
      await door.get(`/api/v1/door/forums/${mine.id}/data?day=${DAY1}`).expect(200);
      expect((await checkIn(door, mine.id, at()).expect(200)).body.results[0].result).toBe('admitted');

      // The other forum is not visible: its data, check-ins, walk-ins and door list answer 404, and nothing is stored.
      await door.get(`/api/v1/door/forums/${theirs.id}/data?day=${DAY1}`).expect(404);
      await checkIn(door, theirs.id, at()).expect(404);
      await checkIn(door, theirs.id, at(), at({ badgeNumber: 2 })).expect(404);
      await door.post(`/api/v1/door/forums/${theirs.id}/walk-ins`).send({}).expect(400);
      await door
        .post(`/api/v1/door/forums/${theirs.id}/walk-ins`)
        .send({
          nonce: aNonce(),
          day: DAY1,
          door: 'Main gate',
          firstName: 'Mpho',
          lastName: 'Walk-in',
          phone: '082 555 0101',
          countryCode: 'ZA',
          preferredLanguage: 'en',
          consent: true,
        })
        .expect(404);
      await door.get(`/api/v1/door/forums/${theirs.id}/door-list.pdf`).expect(404);
      const [stored] = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ?', [theirs.id]);
      expect(Number(stored.n)).toBe(0);
      // The organisers' views stay closed to door accounts.
      await door.get(`/api/v1/forums/${mine.id}/check-ins/conflicts`).expect(403);
      await door.get(`/api/v1/forums/${mine.id}/arrivals`).expect(403);

      // Day 2 only: day 1 is refused, by the data (403) and, per check-in, in a batch (400 naming the item).
      await assign(door.userId, [{ forumId: mine.id, days: [DAY2] }]).expect(200);
      expect((await door.get('/api/v1/door/forums').expect(200)).body[0].days).toEqual([DAY2]);
      await door.get(`/api/v1/door/forums/${mine.id}/data?day=${DAY1}`).expect(403);
      const refused = await checkIn(
        door,
        mine.id,
        scan({ day: DAY2, scannedAt: NOW.toISOString() }),
        at({ badgeNumber: 1 }),
      ).expect(400);
      expect(refused.body.fields).toEqual({ 'checkIns.1.day': [`you are not assigned to work on ${DAY1}`] });

      // The clock is fixed here, so both entries share one time: compared without order.
      const entries = (await audit('door.assigned')).filter((e) => e.targetId === door.userId);
      expect(entries.map((e) => e.targetType)).toEqual(['user', 'user']);
      expect(entries.map((e) => e.summary).sort()).toEqual([`forums=1 ${mine.id}:1`, `forums=1 ${mine.id}:all`]);
      expect((await organiser.get('/api/v1/door-staff').expect(200)).body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ userId: door.userId, assignments: [{ forumId: mine.id, days: [DAY2] }] }),
        ]),
      );
    });

    it('refuses bad assignments with field messages, and lets only organisers assign', async () => {
      const forum = await anOpenForum(organiser);
      const registrar = await t.signedIn('registrar');
      const bad = await assign(door.userId, [
        { forumId: forum.id, days: ['2027-05-01'] },
        { forumId: '00000000-0000-4000-8000-000000000000' },
        { forumId: forum.id },
      ]).expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual([
        'assignments.0.days',
        'assignments.1.forumId',
        'assignments.2.forumId',
      ]);
      expect((await assign(registrar.userId, [{ forumId: forum.id }]).expect(400)).body.fields.userId).toBeDefined();
      await assign(door.userId, [{ forumId: 'not-an-id' }]).expect(400);
      await organiser
        .put(`/api/v1/door-staff/${door.userId}/assignments`)
        .send({ assignments: [[]] })
        .expect(400);
      await door.put(`/api/v1/door-staff/${door.userId}/assignments`).send({ assignments: [] }).expect(403);
      await registrar.get('/api/v1/door-staff').expect(403);
    });
  });

  it('a nonce is scoped to its forum: replayed through another forum it tells nothing of the first', async () => {
    const forumA = await anOpenForum(organiser);
    const forumB = await anOpenForum(organiser);
    await addAttendees(t, forumA.id, [{}]);
    await addAttendees(t, forumB.id, [{}, {}]);
    await assign(otherDoor.userId, [{ forumId: forumA.id }, { forumId: forumB.id }]).expect(200);
    const first = at({ badgeNumber: 2, door: 'Forum B gate' });
    expect((await checkIn(otherDoor, forumB.id, first).expect(200)).body.results[0].result).toBe('admitted');
    const atB = await checkIn(otherDoor, forumB.id, { ...first, badgeNumber: 1 }).expect(200);
    expect(atB.body.results[0]).toEqual({ nonce: first.nonce, result: 'admitted', admission: null });

    // Forum A has no badge 2: the scan is A's own, unknown there, and B's admission is nowhere in the answer.
    const replayed = await checkIn(otherDoor, forumA.id, first).expect(200);
    expect(replayed.body.results).toEqual([{ nonce: first.nonce, result: 'unknown', admission: null }]);
    expect(JSON.stringify(replayed.body)).not.toContain('Forum B gate');
    const rows = await t.dataSource.query('SELECT forumId, result FROM check_ins WHERE nonce = ? ORDER BY result', [first.nonce]);
    expect(rows).toEqual([
      { forumId: forumB.id, result: 'admitted' },
      { forumId: forumA.id, result: 'unknown' },
    ]);
  });

  describe('devices', () => {
    it('each sign-in is a named device: organisers see door, last sync and what waits, and sign one out alone', async () => {
      const email = `door.devices.${aNonce()}@example.org`;
      const phone = await t.signedIn('door', { email });
      const tablet = t.anon();
      await tablet.post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }).expect(200);
      await phone.put('/api/v1/door/device').send({ deviceName: 'Main gate', waitingCount: 3, setAsideCount: 1 }).expect(204);
      await phone.put('/api/v1/door/device').send({ deviceName: '', waitingCount: -1, setAsideCount: 'x' }).expect(400);

      const devices = (await organiser.get('/api/v1/door-devices').expect(200)).body as Record<string, unknown>[];
      const mine = devices.filter((d) => d.userId === phone.userId);
      expect(mine).toHaveLength(2);
      const named = mine.find((d) => d.deviceName === 'Main gate')!;
      expect(named).toMatchObject({
        userName: 'Test door',
        role: 'door',
        waitingCount: 3,
        setAsideCount: 1,
        lastSyncAt: NOW.toISOString(),
        revokedAt: null,
      });
      expect(JSON.stringify(devices)).not.toMatch(/tokenHash|[0-9a-f]{64}/);

      await organiser.post(`/api/v1/door-devices/${named.deviceId as string}/revoke`).expect(204);
      const gone = await phone.get('/api/v1/door/forums').expect(401);
      expect(gone.body).toMatchObject({ statusCode: 401, error: 'device_revoked' });
      await phone.put('/api/v1/door/device').send({ deviceName: 'Main gate', waitingCount: 0, setAsideCount: 0 }).expect(401);
      // The person is not disabled: their other device still works, and they can sign in again.
      await tablet.get('/api/v1/door/forums').expect(200);
      await t.anon().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }).expect(200);
      const after = (await organiser.get('/api/v1/door-devices').expect(200)).body as Record<string, unknown>[];
      expect(after.find((d) => d.deviceId === named.deviceId)!.revokedAt).toBe(NOW.toISOString());

      const [entry] = (await audit('door.device_revoked')).slice(-1);
      expect(entry).toMatchObject({ targetType: 'device', targetId: named.deviceId, summary: `user=${phone.userId}` });
      await organiser.post('/api/v1/door-devices/00000000-0000-4000-8000-000000000000/revoke').expect(404);
      await organiser.post('/api/v1/door-devices/not-a-device/revoke').expect(400);
      await door.get('/api/v1/door-devices').expect(403);
      await door.post(`/api/v1/door-devices/${named.deviceId as string}/revoke`).expect(403);
    });
  });

  describe('overrides', () => {
    it('admits despite "already checked in" or "other day" with a reason, on the record; never a revoked badge', async () => {
      const forum = await anOpenForum(organiser);
      await addAttendees(t, forum.id, [{}, {}, { badgeRevoked: true }, { badgeVersion: 2 }]);
      await assign(door.userId, [{ forumId: forum.id }]).expect(200);
      await checkIn(door, forum.id, at({ badgeNumber: 1, door: 'Gate A' })).expect(200);

      const again = at({ badgeNumber: 1, door: 'Gate B', overrideReason: 'Stepped out to the car park' });
      const forced = await checkIn(door, forum.id, again).expect(200);
      expect(forced.body.results[0]).toMatchObject({ result: 'forced', admission: { door: 'Gate A' } });
      // "Other day" is decided on the phone: the server admits and keeps the override.
      const otherDay = await checkIn(
        door,
        forum.id,
        at({ badgeNumber: 2, method: 'manual', badgeVersion: null, overrideReason: 'Organisers agreed' }),
      ).expect(200);
      expect(otherDay.body.results[0].result).toBe('admitted');
      const never = await checkIn(
        door,
        forum.id,
        at({ badgeNumber: 3, overrideReason: 'Says it is a mistake' }),
        at({ badgeNumber: 4, badgeVersion: 1, overrideReason: 'Old badge' }),
        at({ badgeNumber: 99, overrideReason: 'Not on the list' }),
      ).expect(200);
      expect(never.body.results.map((r: { result: string }) => r.result)).toEqual(['revoked', 'revoked', 'unknown']);
      // A replay is answered, not recorded again.
      await checkIn(door, forum.id, again).expect(200);

      const rows = await t.dataSource.query(
        'SELECT badgeNumber, result, forced, reason, staffUserId, deviceId FROM check_ins WHERE forumId = ? AND forced = 1 ORDER BY badgeNumber',
        [forum.id],
      );
      expect(
        rows.map((r: { badgeNumber: number; result: string; reason: string }) => [Number(r.badgeNumber), r.result, r.reason]),
      ).toEqual([
        [1, 'forced', 'Stepped out to the car park'],
        [2, 'admitted', 'Organisers agreed'],
      ]);
      expect(rows.every((r: { staffUserId: string; deviceId: string }) => r.staffUserId === door.userId && r.deviceId)).toBe(
        true,
      );

      const report = (await organiser.get(`/api/v1/forums/${forum.id}/check-ins/conflicts`).expect(200)).body;
      const overrides = report.filter((c: { kind: string }) => c.kind === 'override');
      expect(overrides).toHaveLength(2);
      expect(overrides.find((c: { attendee: { badgeNumber: number } }) => c.attendee.badgeNumber === 1)).toMatchObject({
        admission: { door: 'Gate A' },
        duplicate: {
          door: 'Gate B',
          forced: true,
          reason: 'Stepped out to the car park',
          staffName: 'Test door',
          deviceId: rows[0].deviceId,
        },
      });
      const entries = (await audit('door.override')).filter((e) => e.targetId === forum.id);
      // One batch: both entries may carry the same millisecond, so their order is not compared.
      expect(entries.map((e) => e.summary).sort()).toEqual([
        `badge=1 day=${DAY1} result=forced device=${rows[0].deviceId}`,
        `badge=2 day=${DAY1} result=admitted device=${rows[1].deviceId}`,
      ]);
      expect(entries.every((e) => e.actorId === door.userId)).toBe(true);
      expect(JSON.stringify(entries)).not.toContain('car park');

      const short = await checkIn(door, forum.id, at({ badgeNumber: 1, overrideReason: '  x ' })).expect(400);
      expect(short.body.fields['checkIns.0.overrideReason']).toEqual(['say why, in at least 3 characters']);
    });
  });

  it('flags a scan whose time is not on its forum day (forum time zone, a few hours past midnight allowed)', async () => {
    const forum = await anOpenForum(organiser);
    await addAttendees(t, forum.id, [{}, {}, {}]);
    await assign(door.userId, [{ forumId: forum.id }]).expect(200);
    const res = await checkIn(
      door,
      forum.id,
      // 01:30 on day 2 at the venue, for day 1: the evening ran late (within the tolerance).
      scan({ badgeNumber: 1, scannedAt: '2027-04-08T23:30:00.000Z' }),
      // 10:00 on day 2 at the venue, for day 1: the door was left on the wrong day.
      scan({ badgeNumber: 2, scannedAt: '2027-04-09T08:00:00.000Z' }),
      // 23:30 on day 1 at the venue: still day 1.
      scan({ badgeNumber: 3, scannedAt: '2027-04-08T21:30:00.000Z' }),
    ).expect(200);
    expect(res.body.results.map((r: { result: string }) => r.result)).toEqual(['admitted', 'admitted', 'admitted']);
    const flags = await t.dataSource.query('SELECT badgeNumber, offDay FROM check_ins WHERE forumId = ? ORDER BY badgeNumber', [
      forum.id,
    ]);
    expect(flags.map((r: { offDay: unknown }) => Number(r.offDay))).toEqual([0, 1, 0]);
    const report = (await organiser.get(`/api/v1/forums/${forum.id}/check-ins/conflicts`).expect(200)).body;
    expect(report).toEqual([
      expect.objectContaining({
        kind: 'off_day',
        day: DAY1,
        attendee: expect.objectContaining({ badgeNumber: 2 }),
        admission: null,
        duplicate: expect.objectContaining({ offDay: true, scannedAt: '2027-04-09T08:00:00.000Z' }),
      }),
    ]);
  });

  it('prints the door list: everyone with a valid badge by surname, badge numbers and a tick box per day', async () => {
    const forum = await anOpenForum(organiser, { name: 'Paper Forum' });
    await addAttendees(t, forum.id, [
      { firstName: 'Zoë', lastName: 'Mokoena' },
      { firstName: 'Lineo', lastName: 'Ntšekhe' },
      { firstName: 'Thabo', lastName: 'Letsie', role: 'presenter' },
      { firstName: 'Gone', lastName: 'Revoked', badgeRevoked: true },
      { firstName: 'Palesa', lastName: 'Adams' },
    ]);
    await assign(otherDoor.userId, [{ forumId: forum.id, days: [DAY2] }]).expect(200);
    const res = await organiser.get(`/api/v1/door/forums/${forum.id}/door-list.pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="paper-forum-door-list.pdf"');
    const text = poppler('pdftotext-raw', res.body as Buffer);
    expect(text).toContain('Door list · Paper Forum');
    expect(text).toContain('4 people, by surname');
    expect(text).toMatch(/Thu 8 Apr\s+Fri 9 Apr/);
    const surnames = ['Adams', 'Letsie', 'Mokoena', 'Ntšekhe'];
    const positions = surnames.map((s) => text.indexOf(s));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/Adams Palesa 5 Attendee/);
    expect(text).toMatch(/Letsie Thabo 3 Presenter/);
    expect(text).not.toContain('Revoked');
    expect(poppler('pdffonts', res.body as Buffer)).toMatch(/DejaVu/);

    // Door staff assigned to day 2 get their day; others get nothing.
    const mine = await otherDoor.get(`/api/v1/door/forums/${forum.id}/door-list.pdf`).buffer(true).parse(binary).expect(200);
    const theirText = poppler('pdftotext-raw', mine.body as Buffer);
    expect(theirText).toContain('Fri 9 Apr');
    expect(theirText).not.toContain('Thu 8 Apr');
    await otherDoor.get(`/api/v1/door/forums/${forum.id}/door-list.pdf?day=${DAY1}`).expect(403);
    await otherDoor.get(`/api/v1/door/forums/${forum.id}/door-list.pdf?day=8 April`).expect(400);
    await (await t.signedIn('registrar')).get(`/api/v1/door/forums/${forum.id}/door-list.pdf`).expect(403);
  });

  it('makes a walk-in one attendee per forum and member: two doors registering the same person at once', async () => {
    const forum = await anOpenForum(organiser);
    await assign(door.userId, [{ forumId: forum.id }]).expect(200);
    await assign(otherDoor.userId, [{ forumId: forum.id }]).expect(200);
    await addMembers(t, [aMember({ firstName: 'Known', lastName: 'Twice', email: 'known.twice@example.org' })]);
    const body = () => ({
      nonce: aNonce(),
      day: DAY2,
      door: 'Main gate',
      firstName: 'Known',
      lastName: 'Twice',
      email: 'known.twice@example.org',
      countryCode: 'ZA',
      region: 'gp',
      preferredLanguage: 'en',
      consent: true,
    });
    const answers = await Promise.all(
      [door, otherDoor, door, otherDoor].map((agent) => agent.post(`/api/v1/door/forums/${forum.id}/walk-ins`).send(body())),
    );
    expect(answers.map((a) => [a.status, a.body.fields]).sort()).toEqual([
      [201, undefined],
      [409, undefined],
      [409, undefined],
      [409, undefined],
    ]);
    const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM attendees WHERE forumId = ?', [forum.id]);
    expect(Number(row.n)).toBe(1);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body.message).toMatch(/already an attendee: badge 1/);
  });
});
