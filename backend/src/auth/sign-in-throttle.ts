import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuditTrail } from '../logging/audit/audit-trail';
import type { AuthUser } from './auth-user';
import { type Reservation, SignInThrottleStore, type ThrottleKey, type ThrottleLimit } from './sign-in-throttle.store';

const DAY = 24 * 3600;
/** One person mistyping: five tries, then 1, 2, 4 … minutes, up to an hour. */
export const ACCOUNT_LIMIT: ThrottleLimit = {
  freeFailures: 5,
  firstLockSeconds: 60,
  maxLockSeconds: 3600,
  forgetAfterSeconds: DAY,
};
/** One address guessing many accounts; higher, as a venue's phones may share one address. */
export const ADDRESS_LIMIT: ThrottleLimit = {
  freeFailures: 20,
  firstLockSeconds: 60,
  maxLockSeconds: 900,
  forgetAfterSeconds: DAY,
};

export interface SignInAttempt {
  account: ThrottleKey;
  address: ThrottleKey;
  reservation: Extract<Reservation, { ok: true }>;
}

type Failure = 'unknown_account' | 'wrong_password' | 'account_disabled';

/**
 * Slows password guessing per account (the email typed, whether or not it has an account, so the
 * answer never tells) and per client address, with locks that grow while failures go on. Every
 * sign-in and failure goes to the audit log, and a lock when it starts.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly store: SignInThrottleStore,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Before the password is checked: refused with 429 and Retry-After while the account or the address is locked. */
  async begin(email: string, address: string): Promise<SignInAttempt> {
    const account = this.key('account', email, ACCOUNT_LIMIT);
    const from = this.key('address', address, ADDRESS_LIMIT);
    const reservation = await this.store.reserve([account, from], this.clock.now());
    if (!reservation.ok) {
      const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
      throw DomainError.rateLimited(
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an organiser to unlock your account.`,
        reservation.retryAfterSeconds,
      );
    }
    return { account, address: from, reservation };
  }

  async succeeded(attempt: SignInAttempt, user: AuthUser): Promise<void> {
    await this.store.release(
      attempt.account,
      attempt.address,
      attempt.reservation.locked.map((l) => l.key),
    );
    await this.audit.record({
      action: 'auth.sign_in',
      actor: { id: user.id, role: user.role },
      target: { type: 'user', id: user.id },
    });
  }

  async failed(attempt: SignInAttempt, user: { id: string } | null, reason: Failure): Promise<void> {
    const target = user ? { type: 'user', id: user.id } : undefined;
    await this.audit.record({ action: 'auth.sign_in_failed', actor: 'anonymous', target, summary: `reason=${reason}` });
    for (const lock of attempt.reservation.locked) {
      const forAccount = lock.key.scope === 'account';
      await this.audit.record({
        action: 'auth.sign_in_locked',
        actor: 'system',
        target: forAccount ? target : undefined,
        summary: `scope=${lock.key.scope}${forAccount && !user ? ' (no such account)' : ''} failures=${lock.failures} seconds=${lock.seconds}`,
      });
    }
  }

  /** The staff accounts among these that are locked now, with the end of their lock. */
  async lockedUntil(users: { id: string; email: string }[]): Promise<Map<string, Date>> {
    const hashes = new Map(users.map((u) => [this.key('account', u.email, ACCOUNT_LIMIT).hash, u.id]));
    const locks = await this.store.lockedUntil([...hashes.keys()], this.clock.now());
    return new Map([...locks].map(([hash, until]) => [hashes.get(hash)!, until]));
  }

  /** An organiser lifts an account's lock (and forgets its failures); recorded when there was one. */
  async unlock(actor: AuthUser, user: { id: string; email: string }): Promise<void> {
    const lifted = await this.store.clear(this.key('account', user.email, ACCOUNT_LIMIT).hash, this.clock.now());
    if (lifted) {
      await this.audit.record({
        action: 'staff.unlocked',
        actor: { id: actor.id, role: actor.role },
        target: { type: 'user', id: user.id },
      });
    }
  }

  private key(scope: ThrottleKey['scope'], value: string, limit: ThrottleLimit): ThrottleKey {
    const hash = createHmac('sha256', this.config.appSecret).update(`sign-in:${scope}:${value}`).digest('hex');
    return { scope, hash, limit };
  }
}
