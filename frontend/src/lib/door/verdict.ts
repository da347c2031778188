import { getPublicKeyAsync, utils, verifyAsync } from '@noble/ed25519';
import { decodeBadge } from './badge-code';
import type { Admission, DoorAttendee } from './door-data';

export type Verdict =
  | { kind: 'admitted'; attendee: DoorAttendee; badgeVersion: number | null }
  | { kind: 'already'; attendee: DoorAttendee; admission: Admission; badgeVersion: number | null }
  | { kind: 'revoked'; attendee: DoorAttendee; reason: 'revoked' | 'older-version' }
  | { kind: 'wrong-day'; attendee: DoorAttendee }
  | { kind: 'wrong-forum' }
  | { kind: 'invalid' }
  | { kind: 'unknown'; badgeNumber: number };

export type VerdictKind = Verdict['kind'];

/** What a door knows when it decides: the forum's tag and key, its attendees, and who is already in. */
export interface DoorContext {
  forumTag: string;
  publicKey: Uint8Array;
  attendee(badgeNumber: number): DoorAttendee | undefined;
  /** The day's first admission of this badge number: from the server's data or this device's own scans. */
  admission(badgeNumber: number): Admission | null;
}

/**
 * Decides a scanned badge from its signature and local data alone, so it works offline. A forged
 * badge (a byte changed, or signed by another key) fails the signature; an older version of a
 * re-issued badge counts as revoked. A newer version than the data knows was signed by the server
 * after the data was made (a re-issue), so it is accepted.
 */
export async function decideBadge(text: string, door: DoorContext): Promise<Verdict> {
  const badge = decodeBadge(text);
  if (!badge) return { kind: 'invalid' };
  if (badge.forumTag !== door.forumTag) return { kind: 'wrong-forum' };
  if (!(await verifySignature(badge.signature, badge.signed, door.publicKey))) return { kind: 'invalid' };
  const attendee = door.attendee(badge.badgeNumber);
  if (!attendee) return { kind: 'unknown', badgeNumber: badge.badgeNumber };
  return decideAttendee(attendee, door, badge.badgeVersion);
}

/**
 * The verdict for a known attendee: by scan (with the badge's version) or manual check-in (`null`).
 * Someone who said they come on other days is refused at a scan; staff who check them in by hand
 * after search (e.g. the organisers agreed) let them in.
 */
export function decideAttendee(attendee: DoorAttendee, door: DoorContext, badgeVersion: number | null): Verdict {
  if (attendee.revoked) return { kind: 'revoked', attendee, reason: 'revoked' };
  if (badgeVersion !== null && badgeVersion < attendee.badgeVersion)
    return { kind: 'revoked', attendee, reason: 'older-version' };
  const admission = door.admission(attendee.badgeNumber);
  if (admission) return { kind: 'already', attendee, admission, badgeVersion };
  if (badgeVersion !== null && !attendee.comesThisDay) return { kind: 'wrong-day', attendee };
  return { kind: 'admitted', attendee, badgeVersion };
}

async function verifySignature(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  try {
    return await verifyAsync(signature, message, publicKey);
  } catch {
    // A malformed signature (not a curve point) throws: it is simply not valid.
    return false;
  }
}

/** Builds the curve tables and starts WebCrypto ahead of the first badge, so the first verdict is as quick as the rest. */
export function warmUpVerifier(): void {
  getPublicKeyAsync(utils.randomSecretKey()).catch(() => undefined);
}
