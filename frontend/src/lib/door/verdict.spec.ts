import { utils } from '@noble/ed25519';
import { decode as base45Decode, encode as base45Encode } from 'base45-ts';
import { describe, expect, it } from 'vitest';
import { decodeBadge, forumTag } from './badge-code';
import { type Admission, AttendeeIndex, type AttendeeTuple } from './door-data';
import { testForum, tuple } from './test-badges';
import { type DoorContext, decideAttendee, decideBadge } from './verdict';

async function setup(tuples: AttendeeTuple[], localAdmissions = new Map<number, Admission>()) {
  const forum = await testForum();
  const index = new AttendeeIndex(tuples);
  const door: DoorContext = {
    forumTag: forum.tag,
    publicKey: forum.publicKey,
    attendee: (n) => index.byNumber.get(n),
    admission: (n) => index.byNumber.get(n)?.checkedIn ?? localAdmissions.get(n) ?? null,
  };
  return { forum, door, localAdmissions, index };
}

describe('decideBadge', () => {
  const people = [
    tuple(1, 'Lineo', 'Ntšekhe', { 7: ['wheelchair'] }),
    tuple(2, 'Thabo', 'Mokoena', { 8: 1 }),
    tuple(3, 'Zoë', 'Lerotholi', { 1: 2 }),
    tuple(4, 'Palesa', 'Moshoeshoe', { 10: ['2027-04-08T07:02:00.000Z', 'Main gate'] }),
    tuple(5, 'Mpho', 'Letsie', { 11: 0 }),
  ];

  it('refuses at a scan someone registered for other days; staff may check them in by hand', async () => {
    const { forum, door, index } = await setup(people);
    expect(await decideBadge(await forum.badge(5), door)).toMatchObject({ kind: 'wrong-day', attendee: { firstName: 'Mpho' } });
    expect(decideAttendee(index.byNumber.get(5)!, door, null)).toMatchObject({ kind: 'admitted' });
    // Data saved before the day flag existed has no 12th element: they come every day.
    expect(await decideBadge(await forum.badge(1), door)).toMatchObject({ kind: 'admitted' });
  });

  it('admits a valid badge of a confirmed attendee, with their needs', async () => {
    const { forum, door } = await setup(people);
    const verdict = await decideBadge(await forum.badge(1), door);
    expect(verdict).toMatchObject({ kind: 'admitted', attendee: { firstName: 'Lineo', needs: ['wheelchair'] }, badgeVersion: 1 });
  });

  it('says already checked in, with when and where, from the data or from this device', async () => {
    const { forum, door, localAdmissions } = await setup(people);
    expect(await decideBadge(await forum.badge(4), door)).toMatchObject({
      kind: 'already',
      admission: { scannedAt: '2027-04-08T07:02:00.000Z', door: 'Main gate' },
    });
    localAdmissions.set(1, { scannedAt: '2027-04-08T08:00:00.000Z', door: 'Side door' });
    expect(await decideBadge(await forum.badge(1), door)).toMatchObject({ kind: 'already', admission: { door: 'Side door' } });
  });

  it('refuses revoked badges and older versions of re-issued ones, and accepts the current version', async () => {
    const { forum, door } = await setup(people);
    expect(await decideBadge(await forum.badge(2), door)).toMatchObject({ kind: 'revoked', reason: 'revoked' });
    expect(await decideBadge(await forum.badge(3, 1), door)).toMatchObject({ kind: 'revoked', reason: 'older-version' });
    expect(await decideBadge(await forum.badge(3, 2), door)).toMatchObject({ kind: 'admitted' });
  });

  it('refuses a badge of another forum, and says so', async () => {
    const { forum, door } = await setup(people);
    expect(await decideBadge(await forum.badge(1, 1, { tag: 'ffffffff' }), door)).toEqual({ kind: 'wrong-forum' });
  });

  it('refuses a badge with one byte changed, or signed by another key under this forum tag', async () => {
    const { forum, door } = await setup(people);
    const bytes = base45Decode(await forum.badge(1));
    bytes[7] = 4; // badge 1 made into badge 4
    expect(await decideBadge(base45Encode(bytes), door)).toEqual({ kind: 'invalid' });
    const sig = base45Decode(await forum.badge(1));
    sig[40] ^= 1;
    expect(await decideBadge(base45Encode(sig), door)).toEqual({ kind: 'invalid' });
    const otherKey = utils.randomSecretKey();
    expect(await decideBadge(await forum.badge(1, 1, { key: otherKey }), door)).toEqual({ kind: 'invalid' });
  });

  it('says "not a valid badge" for text that is not one of ours', async () => {
    const { door } = await setup(people);
    for (const text of ['', 'hello', 'https://example.org', base45Encode(new Uint8Array(74)), '::::']) {
      expect(await decideBadge(text, door)).toEqual({ kind: 'invalid' });
    }
  });

  it('says "unknown badge number" for a genuine badge the data does not list', async () => {
    const { forum, door } = await setup(people);
    expect(await decideBadge(await forum.badge(999), door)).toEqual({ kind: 'unknown', badgeNumber: 999 });
  });
});

describe('decodeBadge', () => {
  it('reads the layout of the server, with 24-bit badge numbers and 16-bit versions', async () => {
    const forum = await testForum('ab12cd34-1111-4000-8000-000000000000');
    const badge = decodeBadge(`${await forum.badge(0x123456, 0x0102)}\r\n`);
    expect(badge).toMatchObject({ forumTag: 'ab12cd34', badgeNumber: 0x123456, badgeVersion: 0x0102 });
    expect(forumTag('AB12CD34-1111-4000-8000-000000000000')).toBe('ab12cd34');
  });

  it('keeps the space a code of some forums begins with (a base45 digit), dropping only line breaks', async () => {
    // (256 + 0x05) % 45 = 36, the digit written as a space: every badge of this forum begins with one.
    const forum = await testForum('05a1b2c3-1111-4000-8000-000000000000');
    const text = await forum.badge(42);
    expect(text.startsWith(' ')).toBe(true);
    expect(decodeBadge(`${text}\n`)).toMatchObject({ forumTag: '05a1b2c3', badgeNumber: 42 });
    expect(decodeBadge(text.trim())).toBeNull();
  });

  it('reads a badge the server wrote (fixture from BadgeSigner)', () => {
    // Written by backend/src/badges/badge-code.ts: forum 0a1b2c3d-…, badge 1234, version 3.
    const text = base45Encode(Uint8Array.from([1, 0x0a, 0x1b, 0x2c, 0x3d, 0, 0x04, 0xd2, 0, 3, ...new Array(64).fill(7)]));
    expect(decodeBadge(text)).toMatchObject({ forumTag: '0a1b2c3d', badgeNumber: 1234, badgeVersion: 3 });
  });
});
