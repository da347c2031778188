import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import { ArrivalsService } from './arrivals.service';
import { addAttendees, DAY1, DAY2, listen, scan, sessionCookie, assignDoors, forumAtDoor } from '../test/check-in-helpers';

describe(ArrivalsService.name, () => {
  let t: TestApp;
  let organiser: Agent;
  let door: Agent;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    door = await t.signedIn('door');
  });
  afterAll(() => t.close());

  const checkIn = (agent: Agent, forumId: string, ...items: Record<string, unknown>[]) =>
    agent.post(`/api/v1/door/forums/${forumId}/check-ins`).send({ checkIns: items }).expect(200);

  it('counts admissions per day, role, country, province and quarter hour', async () => {
    const forum = await forumAtDoor(t, organiser);
    await addAttendees(t, forum.id, [
      { role: 'presenter' },
      { region: 'Free State' },
      { countryCode: 'GB', region: 'London' },
      { badgeRevoked: true },
    ]);
    await checkIn(
      door,
      forum.id,
      scan({ badgeNumber: 1, scannedAt: '2026-01-01T08:01:00.000Z' }),
      scan({ badgeNumber: 2, scannedAt: '2026-01-01T08:14:00.000Z' }),
      scan({ badgeNumber: 3, scannedAt: '2026-01-01T08:20:00.000Z' }),
      scan({ badgeNumber: 4 }),
      scan({ badgeNumber: 1, day: DAY2, scannedAt: '2026-01-02T07:50:00.000Z' }),
      scan({ badgeNumber: 1, day: DAY2 }),
    );
    const { body } = await organiser.get(`/api/v1/forums/${forum.id}/arrivals`).expect(200);
    expect(body.days).toEqual([
      { day: DAY1, admitted: 3, expected: 3 },
      { day: DAY2, admitted: 1, expected: 3 },
    ]);
    expect(body.byRole).toEqual([
      { day: DAY1, role: 'attendee', count: 2 },
      { day: DAY1, role: 'presenter', count: 1 },
      { day: DAY2, role: 'presenter', count: 1 },
    ]);
    expect(body.byCountry).toEqual([
      { day: DAY1, countryCode: 'ZA', count: 2 },
      { day: DAY1, countryCode: 'GB', count: 1 },
      { day: DAY2, countryCode: 'ZA', count: 1 },
    ]);
    expect(body.byProvince).toEqual(
      expect.arrayContaining([
        { day: DAY1, region: 'Gauteng', count: 1 },
        { day: DAY1, region: 'Free State', count: 1 },
        { day: DAY2, region: 'Gauteng', count: 1 },
      ]),
    );
    expect(body.byProvince).toHaveLength(3);
    expect(body.curve).toEqual([
      { day: DAY1, at: '2026-01-01T08:00:00.000Z', count: 2 },
      { day: DAY1, at: '2026-01-01T08:15:00.000Z', count: 1 },
      { day: DAY2, at: '2026-01-02T07:45:00.000Z', count: 1 },
    ]);
    expect(body.conflicts).toBe(1);
  });

  it('syncs an offline batch: the admission that reached the server first stays, the rest are conflicts', async () => {
    const forum = await forumAtDoor(t, organiser, { name: 'Offline forum' });
    await addAttendees(t, forum.id, [
      { firstName: 'Thabo', lastName: 'Online' },
      { firstName: 'Lineo', lastName: 'Offline' },
    ]);
    const onlineDoor = await t.signedIn('door');
    await assignDoors(t, forum.id);
    await checkIn(onlineDoor, forum.id, scan({ badgeNumber: 1, door: 'Gate A', scannedAt: '2026-01-01T09:00:00.000Z' }));
    // The offline phone scanned badge 1 earlier than Gate A, but it synced later.
    const sync = await checkIn(
      door,
      forum.id,
      scan({ badgeNumber: 1, door: 'Gate B', offline: true, scannedAt: '2026-01-01T08:55:00.000Z' }),
      scan({ badgeNumber: 2, door: 'Gate B', offline: true, scannedAt: '2026-01-01T08:56:00.000Z' }),
      scan({ badgeNumber: 2, door: 'Gate B', offline: true, scannedAt: '2026-01-01T08:57:00.000Z' }),
    );
    expect(sync.body.results.map((r: { result: string }) => r.result)).toEqual(['duplicate', 'admitted', 'duplicate']);
    expect(sync.body.results[0].admission).toEqual({
      scannedAt: '2026-01-01T09:00:00.000Z',
      door: 'Gate A',
      staffName: 'Test door',
    });

    const { body: report } = await organiser.get(`/api/v1/forums/${forum.id}/check-ins/conflicts`).expect(200);
    // These scans' times (2026) are not on the forum day (2027): they are listed as off-day too.
    expect(report.filter((c: { kind: string }) => c.kind === 'off_day')).toHaveLength(2);
    const body = report.filter((c: { kind: string }) => c.kind === 'duplicate');
    expect(body).toHaveLength(2);
    const thabo = body.find((c: { attendee: { lastName: string } }) => c.attendee.lastName === 'Online');
    expect(thabo).toEqual({
      kind: 'duplicate',
      day: DAY1,
      attendee: { id: expect.any(String), firstName: 'Thabo', lastName: 'Online', badgeNumber: 1 },
      admission: { scannedAt: '2026-01-01T09:00:00.000Z', door: 'Gate A', staffName: 'Test door', offline: false },
      duplicate: {
        scannedAt: '2026-01-01T08:55:00.000Z',
        recordedAt: expect.any(String),
        door: 'Gate B',
        staffName: 'Test door',
        offline: true,
        forced: false,
        reason: null,
        offDay: true,
        deviceId: expect.any(String),
      },
    });
    const lineo = body.find((c: { attendee: { lastName: string } }) => c.attendee.lastName === 'Offline');
    expect(lineo.admission).toMatchObject({ door: 'Gate B', offline: true, scannedAt: '2026-01-01T08:56:00.000Z' });
  });

  it('streams a summary on connect and again after a check-in', async () => {
    const forum = await forumAtDoor(t, organiser);
    await addAttendees(t, forum.id, [{}]);
    const port = await listen(t);
    const cookie = await sessionCookie(t, 'organiser');
    const events: { event: string; data: { days: { admitted: number }[] } }[] = [];
    let buffer = '';
    let seen: () => void = () => undefined;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path: `/api/v1/forums/${forum.id}/arrivals/stream`,
      headers: { Cookie: cookie, Accept: 'text/event-stream' },
    });
    const opened = new Promise<{ status: number; type: string }>((resolve, reject) => {
      req.on('response', (res) => {
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
            seen();
          }
        });
      });
      req.on('error', reject);
    });
    req.end();
    const until = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${events.length} events`)), 5000);
        seen = () => events.length >= n && (clearTimeout(timer), resolve());
        seen();
      });
    try {
      expect(await opened).toEqual({ status: 200, type: expect.stringContaining('text/event-stream') });
      await until(1);
      expect(events[0].event).toBe('summary');
      expect(events[0].data.days[0].admitted).toBe(0);
      await checkIn(door, forum.id, scan({ badgeNumber: 1 }));
      await until(2);
      expect(events[1].event).toBe('summary');
      expect(events[1].data.days[0].admitted).toBe(1);
    } finally {
      req.destroy();
    }
  });

  it('exports who attended as spreadsheet-safe CSV with forum-time admissions', async () => {
    const forum = await forumAtDoor(t, organiser);
    await addAttendees(t, forum.id, [
      { firstName: '=cmd|" /C calc"!A0', lastName: 'Ntšekhe', role: 'vip' },
      { firstName: 'Never', lastName: 'Came' },
    ]);
    await checkIn(door, forum.id, scan({ badgeNumber: 1, door: '@Main', scannedAt: '2026-01-01T07:05:00.000Z' }));
    const res = await organiser.get(`/api/v1/forums/${forum.id}/attendance.csv`).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*attendance.*\.csv"/);
    const text = res.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `"Badge number","First name","Surname","Role","Country","Province/region","${DAY1} admitted (Africa/Maseru)","${DAY1} door","${DAY2} admitted (Africa/Maseru)","${DAY2} door"`,
    );
    // 07:05 UTC is 09:05 in Maseru; formula-like cells get a leading apostrophe.
    expect(lines[1]).toBe(`"1","'=cmd|"" /C calc""!A0","Ntšekhe","vip","ZA","Gauteng","09:05","'@Main","",""`);
  });

  it('keeps door accounts out of every organiser route here', async () => {
    const forum = await forumAtDoor(t, organiser);
    for (const path of ['arrivals', 'arrivals/stream', 'check-ins/conflicts', 'attendance.csv']) {
      await door.get(`/api/v1/forums/${forum.id}/${path}`).expect(403);
      await t.anon().get(`/api/v1/forums/${forum.id}/${path}`).expect(401);
    }
    const registrar = await t.signedIn('registrar');
    await registrar.get(`/api/v1/forums/${forum.id}/arrivals`).expect(403);
    await registrar.get(`/api/v1/door/forums`).expect(403);
    await organiser.get('/api/v1/forums/00000000-0000-4000-8000-000000000000/arrivals').expect(404);
  });
});
