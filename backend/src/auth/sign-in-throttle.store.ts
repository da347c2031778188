/**
 * Where sign-in failures are counted. It must hold across app processes: the database does it here
 * (sign-in-throttle.repository.ts); a Redis store can take its place behind this interface.
 */

export type ThrottleScope = 'account' | 'address';

/** How many failures a key may have before it is locked, and how the lock grows. */
export interface ThrottleLimit {
  freeFailures: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetAfterSeconds: number;
}

export interface ThrottleKey {
  scope: ThrottleScope;
  hash: string;
  limit: ThrottleLimit;
}

export type Reservation =
  | {
      ok: true;
      /** The keys this attempt locked (it reached their limit), with the failure count and the lock's length. */
      locked: { key: ThrottleKey; failures: number; seconds: number }[];
    }
  | { ok: false; retryAfterSeconds: number };

/** The lock a key gets at this many failures: none under the limit, then doubling up to the cap. */
export function lockSeconds(failures: number, limit: ThrottleLimit): number {
  if (failures < limit.freeFailures) return 0;
  const doublings = Math.min(failures - limit.freeFailures, 30);
  return Math.min(limit.firstLockSeconds * 2 ** doublings, limit.maxLockSeconds);
}

export abstract class SignInThrottleStore {
  /**
   * One sign-in attempt, atomically across processes: refused when any key is locked (nothing
   * counted); otherwise one failure is counted against every key in advance (so a burst of parallel
   * guesses is cut off at the limit) and keys reaching their limit are locked.
   */
  abstract reserve(keys: ThrottleKey[], now: Date): Promise<Reservation>;

  /**
   * The attempt succeeded: the account key starts again from nothing; the address key gets back the
   * failure counted in advance and loses the lock this attempt set.
   */
  abstract release(account: ThrottleKey, address: ThrottleKey, lockedByAttempt: ThrottleKey[]): Promise<void>;

  /** The keys of these hashes that are locked now, with the end of their lock. */
  abstract lockedUntil(hashes: string[], now: Date): Promise<Map<string, Date>>;

  /** Forgets a key's failures and lock; says whether there was a lock to lift. */
  abstract clear(hash: string, now: Date): Promise<boolean>;
}
