import { describe, expect, it } from 'vitest';
import { applyResults, isConflict, localAdmissions, pendingBatches, refusedItems, type StoredCheckIn, toItem } from './check-ins';

function stored(nonce: string, badgeNumber: number, scannedAt: string, more: Partial<StoredCheckIn> = {}): StoredCheckIn {
  return {
    nonce,
    badgeNumber,
    badgeVersion: 1,
    day: '2027-04-08',
    scannedAt,
    door: 'Main gate',
    method: 'scan',
    offline: true,
    forumId: 'f',
    name: 'Lineo Ntšekhe',
    state: 'pending',
    result: null,
    admission: null,
    ...more,
  };
}

describe('check-in queue', () => {
  it('sends pending check-ins oldest first, in batches, as the API items', () => {
    const all = [
      stored('c', 3, '2027-04-08T08:03:00Z'),
      stored('a', 1, '2027-04-08T08:01:00Z'),
      stored('s', 9, '2027-04-08T07:00:00Z', { state: 'sent', result: 'admitted' }),
      stored('b', 2, '2027-04-08T08:02:00Z'),
    ];
    expect(pendingBatches(all, 2).map((b) => b.map((c) => c.nonce))).toEqual([['a', 'b'], ['c']]);
    expect(Object.keys(toItem(all[0])).sort()).toEqual(
      ['badgeNumber', 'badgeVersion', 'day', 'door', 'method', 'nonce', 'offline', 'scannedAt'].sort(),
    );
  });

  it("applies the server's answers, keeps unanswered ones pending, and finds conflicts", () => {
    const sent = [stored('a', 1, '2027-04-08T08:01:00Z'), stored('b', 2, '2027-04-08T08:02:00Z')];
    const first = { scannedAt: '2027-04-08T07:59:00Z', door: 'Side door', staffName: 'Tumelo' };
    const answered = applyResults(sent, [{ nonce: 'b', result: 'duplicate', admission: first }]);
    expect(answered).toEqual([{ ...sent[1], state: 'sent', result: 'duplicate', admission: first }]);
    expect(isConflict(answered[0])).toBe(true);
    expect(isConflict({ ...answered[0], result: 'admitted' })).toBe(false);
  });

  it("knows who this device admitted, and the server's earlier admission after a conflict", () => {
    const all = [
      stored('a2', 1, '2027-04-08T08:05:00Z', { state: 'sent', result: 'admitted' }),
      stored('a', 1, '2027-04-08T08:01:00Z'),
      stored('b', 2, '2027-04-08T08:02:00Z', {
        state: 'sent',
        result: 'duplicate',
        admission: { scannedAt: '2027-04-08T07:59:00Z', door: 'Side door', staffName: null },
      }),
    ];
    const admissions = localAdmissions(all);
    expect(admissions.get(1)).toEqual({ scannedAt: '2027-04-08T08:01:00Z', door: 'Main gate' });
    expect(admissions.get(2)).toMatchObject({ door: 'Side door' });
    expect(admissions.has(3)).toBe(false);
  });

  it('finds the items a refused batch names, and leaves refused ones out of the queue and the admissions', () => {
    expect(
      refusedItems({ 'checkIns.2.day': ['not a day of this forum'], 'checkIns.0.scannedAt': ['is in the future'], other: ['x'] }),
    ).toEqual(
      new Map([
        [2, 'day not a day of this forum'],
        [0, 'scan time is in the future'],
      ]),
    );
    expect(refusedItems({})).toEqual(new Map());
    const all = [
      stored('r', 4, '2027-04-08T08:00:00Z', { state: 'refused', refusal: 'day: x' }),
      stored('p', 5, '2027-04-08T08:01:00Z'),
    ];
    expect(
      pendingBatches(all)
        .flat()
        .map((c) => c.nonce),
    ).toEqual(['p']);
    expect([...localAdmissions(all).keys()]).toEqual([5]);
    expect(toItem(stored('o', 6, '2027-04-08T08:01:00Z', { overrideReason: 'Stepped out' })).overrideReason).toBe('Stepped out');
    expect('overrideReason' in toItem(stored('o', 6, '2027-04-08T08:01:00Z'))).toBe(false);
  });
});
