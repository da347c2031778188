import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { anOpenForum } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { CheckInRepository } from './check-in.repository';
import { addAttendees, aNonce, DAY1 } from '../test/check-in-helpers';
import { type LiveScan, LiveAdmissions } from './live-admissions';

describe(LiveAdmissions.name, () => {
  let t: TestApp;
  let live: LiveAdmissions;
  let staffUserId: string;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    live = t.app.get(LiveAdmissions);
    staffUserId = (await t.signedIn('door')).userId;
  });
  afterAll(() => t.close());

  const scan = (forumId: string, badgeNumber: number, over: Partial<LiveScan> = {}): LiveScan => ({
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
    nonce: aNonce(),
    ...over,
  });

  it('writes scans that arrive together in shared statements, admitting each current badge once', async () => {
    const forum = await anOpenForum(await t.signedIn('organiser'));
    await addAttendees(t, forum.id, [...Array.from({ length: 30 }, () => ({})), { badgeRevoked: true }, { badgeVersion: 2 }]);
    const earlier = scan(forum.id, 30);
    expect(await live.admit(earlier)).toBe(true);

    const writes = jest.spyOn(t.app.get(CheckInRepository), 'admitAll');
    const burst = [
      ...Array.from({ length: 29 }, (_, i) => scan(forum.id, i + 1)),
      ...Array.from({ length: 4 }, () => scan(forum.id, 1, { door: 'Side door' })), // badge 1 again, at other doors
      scan(forum.id, 31), // revoked
      scan(forum.id, 32), // an older version (the badge was re-issued)
      scan(forum.id, 99), // unknown number
      scan(forum.id, 2, { day: '2027-05-01' }), // not a forum day
      { ...earlier }, // the same scan sent again
    ];
    const results = await Promise.all(burst.map((s) => live.admit(s)));

    expect(results.slice(1, 29)).toEqual(Array(28).fill(true));
    // Badge 1 at five doors in one moment: one admission, whichever the statement wrote first.
    expect([results[0], ...results.slice(29, 33)].filter(Boolean)).toHaveLength(1);
    expect(results.slice(33)).toEqual([false, false, false, false, true]);
    const batches = writes.mock.calls.map(([scans]) => scans.length);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(burst.length);
    expect(batches.length).toBeLessThan(burst.length / 4);
    writes.mockRestore();

    const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ? AND admitted = 1', [forum.id]);
    expect(Number(row.n)).toBe(30);
  });

  it('sends a lone scan at once, alone', async () => {
    const forum = await anOpenForum(await t.signedIn('organiser'));
    await addAttendees(t, forum.id, [{}]);
    const writes = jest.spyOn(t.app.get(CheckInRepository), 'admitAll');
    expect(await live.admit(scan(forum.id, 1))).toBe(true);
    expect(writes.mock.calls.map(([scans]) => scans.length)).toEqual([1]);
    writes.mockRestore();
  });
});
