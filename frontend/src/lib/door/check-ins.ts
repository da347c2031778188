import type { components } from '$lib/api/schema';
import type { Admission } from './door-data';

export type CheckInMethod = components['schemas']['DoorCheckInMethod'];
export type ServerResult = components['schemas']['CheckInResult'];

/** What `POST /door/forums/:id/check-ins` takes, one per scan (the API's own type). */
export type CheckInItem = components['schemas']['CheckInItemDto'];

/**
 * An admission as this device keeps it (IndexedDB) and, once sent, what the server answered.
 *
 * Only admissions are sent: they are what the server must settle (one per person and day; a second
 * admission elsewhere becomes a duplicate in the conflict report, with door, time and staff). A scan
 * the door itself refused, or answered "already checked in", changed nothing: sending it would only
 * fill the conflict report with people stepping out and back in, and the server reads any item as an
 * attempt to enter.
 */
export interface StoredCheckIn extends CheckInItem {
  forumId: string;
  name: string;
  /** refused: the server refused it for good (a 4xx naming it); set aside so the rest still go. */
  state: 'pending' | 'sent' | 'refused';
  result: ServerResult | null;
  /** The first admission, when the server said duplicate. */
  admission: Admission | null;
  /** Why the server refused it (state refused). */
  refusal?: string | null;
}

/** A person this device let in whom another door had already admitted (found when syncing). */
export function isConflict(c: StoredCheckIn): boolean {
  return c.result === 'duplicate';
}

export function toItem(c: StoredCheckIn): CheckInItem {
  const { nonce, badgeNumber, badgeVersion, day, scannedAt, door, method, offline, overrideReason } = c;
  return {
    nonce,
    badgeNumber,
    badgeVersion,
    day,
    scannedAt,
    door,
    method,
    offline,
    ...(overrideReason ? { overrideReason } : {}),
  };
}

/** The check-in fields as door staff would say them. */
const fieldWords: Record<string, string> = {
  scannedAt: 'scan time',
  day: 'day',
  badgeNumber: 'badge number',
  overrideReason: 'reason',
};

/**
 * The items of a refused batch that the server named (`checkIns.N.field` in its field errors), with
 * their messages, by position in the batch; empty when the refusal names none.
 */
export function refusedItems(fields: Record<string, string[]>): Map<number, string> {
  const named = new Map<number, string>();
  for (const [key, messages] of Object.entries(fields)) {
    const match = /^checkIns\.(\d+)\.(\w+)/.exec(key);
    if (!match) continue;
    const n = Number(match[1]);
    const text = `${fieldWords[match[2]] ?? match[2]} ${messages.join('; ')}`;
    named.set(n, named.has(n) ? `${named.get(n)}; ${text}` : text);
  }
  return named;
}

/** Pending check-ins, oldest first, in batches the API accepts. */
export function pendingBatches(all: readonly StoredCheckIn[], size = 500): StoredCheckIn[][] {
  const pending = all.filter((c) => c.state === 'pending').sort((a, b) => (a.scannedAt < b.scannedAt ? -1 : 1));
  const batches: StoredCheckIn[][] = [];
  for (let i = 0; i < pending.length; i += size) batches.push(pending.slice(i, i + size));
  return batches;
}

/** The sent check-ins with the server's answers applied; those it did not answer stay pending. */
export function applyResults(
  sent: readonly StoredCheckIn[],
  results: readonly components['schemas']['CheckInOutcomeDto'][],
): StoredCheckIn[] {
  const byNonce = new Map(results.map((r) => [r.nonce, r]));
  return sent.flatMap((c) => {
    const r = byNonce.get(c.nonce);
    return r ? [{ ...c, state: 'sent' as const, result: r.result, admission: r.admission }] : [];
  });
}

/** The first admission this device knows of per badge number: its own, or the one the server told it of. */
export function localAdmissions(all: readonly StoredCheckIn[]): Map<number, Admission> {
  const first = new Map<number, Admission>();
  for (const c of all) {
    if (c.state === 'refused') continue;
    const admission = c.result === 'duplicate' ? c.admission : { scannedAt: c.scannedAt, door: c.door };
    const known = first.get(c.badgeNumber);
    if (admission && (!known || admission.scannedAt < known.scannedAt)) first.set(c.badgeNumber, admission);
  }
  return first;
}

/** The check-ins with the changed ones replaced (by nonce) or added. */
export function mergeCheckIns(all: readonly StoredCheckIn[], changed: readonly StoredCheckIn[]): StoredCheckIn[] {
  const byNonce = new Map(all.map((c) => [c.nonce, c]));
  for (const c of changed) byNonce.set(c.nonce, c);
  return [...byNonce.values()];
}
