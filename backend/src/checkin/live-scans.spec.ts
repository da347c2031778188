import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { anOpenForum } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import type { Scan } from './check-in-settler';
import { CheckInRepository } from './check-in.repository';
import { addAttendees, aNonce, DAY1 } from '../test/check-in-helpers';
import { LiveScans } from './live-scans';

describe(LiveScans.name, () => {
  let t: TestApp;
  let live: LiveScans;
  let staffUserId: string;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    live = t.app.get(LiveScans);
    staffUserId = (await t.signedIn('door')).userId;
  });
  afterAll(() => t.close());

  const scan = (forumId: string, badgeNumber: number, over: Partial<Scan> = {}): Scan => ({
    forumId,
    badgeNumber,
    badgeVersion: 1,
    day: DAY1,
    method: 'scan',
    scannedAt: new Date(Date.now() - 1000),
    recordedAt: new Date(),
    offline: false,
    door: 'Main gate',
    staffUserId,
    deviceId: null,
    nonce: aNonce(),
    reason: null,
    ...over,
  });
  const resultOf = (settled: object) => ('result' in settled ? settled.result : settled);

  it('settles scans that arrive together in shared statements, by the one door rule', async () => {
    const forum = await anOpenForum(await t.signedIn('organiser'));
    await addAttendees(t, forum.id, [...Array.from({ length: 30 }, () => ({})), { badgeRevoked: true }, { badgeVersion: 2 }]);
    const earlier = scan(forum.id, 30);
    expect(resultOf(await live.settle(earlier))).toBe('admitted');

    const repository = t.app.get(CheckInRepository);
    const reads = jest.spyOn(repository, 'atTheDoor');
    const writes = jest.spyOn(repository, 'insertAll');
    const burst = [
      ...Array.from({ length: 29 }, (_, i) => scan(forum.id, i + 1)),
      ...Array.from({ length: 4 }, () => scan(forum.id, 1, { door: 'Side door' })), // badge 1 again, at other doors
      scan(forum.id, 31), // revoked
      scan(forum.id, 32), // an older version (the badge was re-issued)
      scan(forum.id, 99), // unknown number
      scan(forum.id, 2, { day: '2027-05-01' }), // not a forum day
      { ...earlier }, // the same scan sent again
      scan(forum.id, 30), // a new scan of an attendee admitted before
    ];
    const results = (await Promise.all(burst.map((s) => live.settle(s)))).map(resultOf);

    expect(results.slice(1, 29)).toEqual(Array(28).fill('admitted'));
    // Badge 1 at five doors in one moment: one admission, four duplicates.
    expect([results[0], ...results.slice(29, 33)].sort()).toEqual([
      'admitted',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(results.slice(33)).toEqual([
      'revoked',
      'revoked',
      'unknown',
      { problem: 'not_a_forum_day', message: expect.stringMatching(/not a day of this forum/) },
      'admitted', // the first answer, replayed
      'duplicate',
    ]);
    expect(reads.mock.calls.length).toBeLessThan(burst.length / 4);
    expect(writes.mock.calls.length).toBeLessThan(burst.length / 4);
    reads.mockRestore();
    writes.mockRestore();

    const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ? AND admitted = 1', [forum.id]);
    expect(Number(row.n)).toBe(30);
    const [stored] = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ?', [forum.id]);
    // `earlier`, and every scan of the burst but the one sent again and the one on no forum day.
    expect(Number(stored.n)).toBe(1 + burst.length - 2);
  });

  it('sends a lone scan at once, alone: one read, one write', async () => {
    const forum = await anOpenForum(await t.signedIn('organiser'));
    await addAttendees(t, forum.id, [{}]);
    const repository = t.app.get(CheckInRepository);
    const reads = jest.spyOn(repository, 'atTheDoor');
    const writes = jest.spyOn(repository, 'insertAll');
    expect(resultOf(await live.settle(scan(forum.id, 1)))).toBe('admitted');
    expect([reads.mock.calls.length, writes.mock.calls.map(([rows]) => rows.length)]).toEqual([1, [1]]);
    reads.mockRestore();
    writes.mockRestore();
  });

  it('turns the later of two racing admissions into a duplicate, whichever process sent it', async () => {
    const forum = await anOpenForum(await t.signedIn('organiser'));
    await addAttendees(t, forum.id, [{}]);
    // Another app process admitted badge 1 after this one looked.
    const repository = t.app.get(CheckInRepository);
    const look = repository.atTheDoor.bind(repository);
    const reads = jest.spyOn(repository, 'atTheDoor').mockImplementationOnce(async (...args) => {
      const seen = await look(...args);
      await repository.insert({
        ...scan(forum.id, 1, { door: 'Other process' }),
        attendeeId: seen.attendees.get(1)!.id,
        result: 'admitted',
        forced: false,
        offDay: false,
      });
      return seen;
    });
    const settled = await live.settle(scan(forum.id, 1));
    reads.mockRestore();
    expect(settled).toMatchObject({ result: 'duplicate', admission: { door: 'Other process' } });
  });
});
