import { fromSqlDateTime } from '../database/sql-values';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { validationPipe } from '../common/validation';
import { SessionGuard } from '../auth/session.guard';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import { addAttendees, assignDoors, DAY2, forumAtDoor, scan } from '../test/check-in-helpers';
import { CheckInSettler, type Decided, type Scan } from './check-in-settler';
import { DoorController } from './door.controller';

describe(DoorController.name, () => {
  let t: TestApp;
  let organiser: Agent;
  let door: Agent & { userId: string };
  let otherDoor: Agent;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    door = await t.signedIn('door');
    otherDoor = await t.signedIn('door');
  });
  afterAll(() => t.close());

  const checkIn = (agent: Agent, forumId: string, ...items: Record<string, unknown>[]) =>
    agent.post(`/api/v1/door/forums/${forumId}/check-ins`).send({ checkIns: items });

  describe('check-ins', () => {
    it('admits once, then answers duplicate with the first admission (time, door, staff)', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}]);
      const scannedAt = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, '.000Z');
      const first = await checkIn(door, forum.id, scan({ scannedAt, door: 'Gate A' })).expect(200);
      expect(first.body.results).toEqual([{ nonce: expect.any(String), result: 'admitted', admission: null }]);
      const second = await checkIn(otherDoor, forum.id, scan({ door: 'Gate B' })).expect(200);
      expect(second.body.results[0]).toMatchObject({
        result: 'duplicate',
        admission: { scannedAt, door: 'Gate A', staffName: 'Test door' },
      });
      // Another day is another admission.
      const nextDay = await checkIn(door, forum.id, scan({ day: DAY2 })).expect(200);
      expect(nextDay.body.results[0].result).toBe('admitted');
      const rows = await t.dataSource.query(
        'SELECT result, admitted, staffUserId FROM check_ins WHERE forumId = ? ORDER BY day',
        [forum.id],
      );
      expect(rows.map((r: { result: string }) => r.result).sort()).toEqual(['admitted', 'admitted', 'duplicate']);
    });

    it('refuses revoked and cancelled badges and older versions, and does not know unknown numbers', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{ badgeRevoked: true }, { status: 'cancelled' }, { badgeVersion: 2 }]);
      const res = await checkIn(
        door,
        forum.id,
        scan({ badgeNumber: 1 }),
        scan({ badgeNumber: 2 }),
        scan({ badgeNumber: 3, badgeVersion: 1 }),
        scan({ badgeNumber: 99 }),
        scan({ badgeNumber: 3, badgeVersion: null, method: 'manual' }),
      ).expect(200);
      expect(res.body.results.map((r: { result: string }) => r.result)).toEqual([
        'revoked',
        'revoked',
        'revoked',
        'unknown',
        'admitted',
      ]);
      expect(res.body.results.slice(0, 4).every((r: { admission: unknown }) => r.admission === null)).toBe(true);
    });

    it('answers a replayed nonce with the stored result and stores nothing new', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}, {}]);
      const admit = scan({ badgeNumber: 1 });
      const dup = scan({ badgeNumber: 1, door: 'Gate B' });
      const unknown = scan({ badgeNumber: 42 });
      const first = await checkIn(door, forum.id, admit, dup, unknown).expect(200);
      const count = async () =>
        Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ?', [forum.id]))[0].n);
      expect(await count()).toBe(3);
      const again = await checkIn(otherDoor, forum.id, unknown, dup, admit).expect(200);
      expect(again.body.results).toEqual([first.body.results[2], first.body.results[1], first.body.results[0]]);
      // Even with another badge number in the replay, the nonce's first answer stands.
      const changed = await checkIn(door, forum.id, { ...admit, badgeNumber: 2 }).expect(200);
      expect(changed.body.results[0].result).toBe('admitted');
      expect(await count()).toBe(3);
      const second = await checkIn(door, forum.id, scan({ badgeNumber: 2 })).expect(200);
      expect(second.body.results[0].result).toBe('admitted');
    });

    it('admits exactly one of 20 doors scanning the same badge at the same moment', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}]);
      const doors = await Promise.all(Array.from({ length: 4 }, () => t.signedIn('door')));
      await assignDoors(t, forum.id);
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => checkIn(doors[i % 4], forum.id, scan({ door: `Door ${i}` }))),
      );
      const results = responses.map((r) => {
        expect(r.status).toBe(200);
        return r.body.results[0];
      });
      expect(results.filter((r) => r.result === 'admitted')).toHaveLength(1);
      const duplicates = results.filter((r) => r.result === 'duplicate');
      expect(duplicates).toHaveLength(19);
      const winner = responses.findIndex((r) => r.body.results[0].result === 'admitted');
      for (const d of duplicates) expect(d.admission.door).toBe(`Door ${winner}`);
      const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ? AND admitted = 1', [
        forum.id,
      ]);
      expect(Number(row.n)).toBe(1);
    });

    it('answers every duplicate with the admission when two batches raced and the later one lost', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}]);
      const settler = t.app.get(CheckInSettler);
      const batch = (door: string): Scan[] =>
        [1, 2].map(() => {
          const s = scan({ door }) as Record<string, unknown>;
          return {
            ...s,
            scannedAt: new Date(s.scannedAt as string),
            forumId: forum.id,
            recordedAt: new Date(),
            staffUserId: door,
            deviceId: null,
            reason: null,
          } as Scan;
        });
      // Both batches are decided before either is stored: each admits its first scan and makes its second a duplicate.
      const [a, b] = [await settler.decide(batch('Gate A')), await settler.decide(batch('Gate B'))] as Decided[][];
      expect(b.map((d) => d.row.result)).toEqual(['admitted', 'duplicate']);
      await settler.store(a);
      const outcomes = await settler.store(b);
      expect(outcomes.map((o) => [o.result, o.admission?.door])).toEqual([
        ['duplicate', 'Gate A'],
        ['duplicate', 'Gate A'],
      ]);
    });

    it("records scans from a device whose clock is an hour fast at the server's time", async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}, {}]);
      const hour = 3600_000;
      const deviceNow = Date.now() + hour;
      const res = await door
        .post(`/api/v1/door/forums/${forum.id}/check-ins`)
        .send({
          sentAt: new Date(deviceNow).toISOString(),
          checkIns: [
            scan({ badgeNumber: 1, scannedAt: new Date(deviceNow - 10 * 60_000).toISOString(), offline: true }),
            scan({ badgeNumber: 2, scannedAt: new Date(deviceNow - 60_000).toISOString(), offline: true }),
          ],
        })
        .expect(200);
      expect(res.body.results.map((r: { result: string }) => r.result)).toEqual(['admitted', 'admitted']);
      const rows = (await t.dataSource.query(
        'SELECT badgeNumber, scannedAt FROM check_ins WHERE forumId = ? ORDER BY badgeNumber',
        [forum.id],
      )) as { scannedAt: Date | string }[];
      const minutesAgo = rows.map((r) => Math.round((Date.now() - fromSqlDateTime(r.scannedAt).getTime()) / 60_000));
      expect(minutesAgo).toEqual([10, 1]);
      await door
        .post(`/api/v1/door/forums/${forum.id}/check-ins`)
        .send({ sentAt: 'yesterday', checkIns: [scan()] })
        .expect(400);
    });

    it('validates: the day must be a forum day, the scan time not in the future, fields well formed', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}]);
      const res = await checkIn(
        door,
        forum.id,
        scan(),
        scan({ day: '2027-05-01' }),
        scan({ scannedAt: new Date(Date.now() + 3600_000).toISOString() }),
      ).expect(400);
      expect(Object.keys(res.body.fields).sort()).toEqual(['checkIns.1.day', 'checkIns.2.scannedAt']);
      const shape = await checkIn(door, forum.id, scan({ nonce: 'short', door: '', method: 'teleport', offline: 'yes' })).expect(
        400,
      );
      expect(Object.keys(shape.body.fields).sort()).toEqual([
        'checkIns.0.door',
        'checkIns.0.method',
        'checkIns.0.nonce',
        'checkIns.0.offline',
      ]);
      await door.post(`/api/v1/door/forums/${forum.id}/check-ins`).send({ checkIns: [] }).expect(400);
      // One check-in at a time (the door's usual request, answered by CheckInLane): the same answers.
      const day = await checkIn(door, forum.id, scan({ day: '2027-05-01' })).expect(400);
      expect(day.body).toMatchObject({ error: 'validation', fields: { 'checkIns.0.day': [expect.any(String)] } });
      const future = await checkIn(door, forum.id, scan({ scannedAt: new Date(Date.now() + 3600_000).toISOString() })).expect(
        400,
      );
      expect(Object.keys(future.body.fields)).toEqual(['checkIns.0.scannedAt']);
      const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ?', [forum.id]);
      expect(Number(row.n)).toBe(0);
    });

    it('takes every check-in, one or many, through the session guard and the validation pipe', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}, {}, {}]);
      const validation = jest.spyOn(validationPipe, 'transform');
      const guard = jest.spyOn(SessionGuard.prototype, 'canActivate');
      try {
        await checkIn(door, forum.id, scan({ badgeNumber: 1 })).expect(200);
        expect(validation).toHaveBeenCalledWith(expect.objectContaining({ checkIns: [expect.anything()] }), expect.anything());
        expect(guard).toHaveBeenCalledTimes(1);
        await checkIn(door, forum.id, scan({ badgeNumber: 2 }), scan({ badgeNumber: 3 })).expect(200);
        expect(guard).toHaveBeenCalledTimes(2);
        const refused = await checkIn(door, forum.id, scan({ method: 'teleport' })).expect(400);
        expect(refused.body.fields['checkIns.0.method']).toEqual(['must be scan or manual']);
        const stored = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ?', [forum.id]);
        expect(Number(stored[0].n)).toBe(3);
      } finally {
        validation.mockRestore();
        guard.mockRestore();
      }
    });

    it('answers one scan with the headers and error shape of the whole API, and takes large batches too', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(
        t,
        forum.id,
        Array.from({ length: 120 }, () => ({})),
      );
      const one = await checkIn(door, forum.id, scan()).expect(200);
      expect(one.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(one.headers['x-content-type-options']).toBe('nosniff');
      const broken = await door
        .post(`/api/v1/door/forums/${forum.id}/check-ins`)
        .set('Content-Type', 'application/json')
        .set('X-Request-Id', 'req-broken-json-1')
        .send('{"checkIns":')
        .expect(400);
      expect(broken.body).toMatchObject({ statusCode: 400, error: 'validation', correlationId: 'req-broken-json-1' });
      expect(broken.headers['x-frame-options']).toBe('DENY');
      const many = Array.from({ length: 110 }, (_, i) => scan({ badgeNumber: i + 2, door: 'Batch door'.padEnd(60, '.') }));
      expect(JSON.stringify({ checkIns: many }).length).toBeGreaterThan(16 * 1024);
      const batch = await checkIn(door, forum.id, ...many).expect(200);
      expect(batch.body.results.filter((r: { result: string }) => r.result === 'admitted')).toHaveLength(110);
    });

    it('lets only door staff and organisers check in, one scan or many', async () => {
      const forum = await forumAtDoor(t, organiser);
      await addAttendees(t, forum.id, [{}, {}, {}]);
      const registrar = await t.signedIn('registrar');
      await checkIn(registrar, forum.id, scan()).expect(403);
      await checkIn(registrar, forum.id, scan(), scan({ badgeNumber: 2 })).expect(403);
      await checkIn(t.anon(), forum.id, scan()).expect(401);
      await checkIn(t.anon(), forum.id, scan(), scan({ badgeNumber: 2 })).expect(401);
      const [none] = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ?', [forum.id]);
      expect(Number(none.n)).toBe(0);
      const byOrganiser = await checkIn(organiser, forum.id, scan({ badgeNumber: 3 })).expect(200);
      expect(byOrganiser.body.results[0].result).toBe('admitted');
    });
  });
});
