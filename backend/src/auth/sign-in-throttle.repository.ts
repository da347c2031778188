import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { SignInThrottleRow } from './entities/sign-in-throttle.entity';
import { lockSeconds, type Reservation, SignInThrottleStore, type ThrottleKey } from './sign-in-throttle.store';

const FORGET_EVERY_MS = 10 * 60_000;

/** The sign-in throttle kept in the database, so every app process sees the same counts and locks. */
@Injectable()
export class SignInThrottleRepository extends SignInThrottleStore {
  private readonly logger = new Logger(SignInThrottleRepository.name);
  /** When this process last cleared quiet keys. */
  private forgotAt?: Date;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async reserve(keys: ThrottleKey[], now: Date): Promise<Reservation> {
    const forgetBefore = (key: ThrottleKey) => new Date(now.getTime() - key.limit.forgetAfterSeconds * 1000);
    const repo = this.dataSource.getRepository(SignInThrottleRow);
    const reservation: Reservation = await retryOnDeadlock<Reservation>(async () => {
      // Rows exist before they are locked for update: two first attempts at once must not both insert.
      await repo
        .createQueryBuilder()
        .insert()
        .values(keys.map((k) => ({ keyHash: k.hash, scope: k.scope, failures: 0, lockedUntil: null, lastFailureAt: now })))
        .orIgnore()
        .execute();
      return this.dataSource.transaction(async (manager) => {
        const rows = await this.lockRows(
          manager,
          keys.map((k) => k.hash),
        );
        const lockEnds = rows.filter((r) => r.lockedUntil && r.lockedUntil > now).map((r) => r.lockedUntil!.getTime());
        if (lockEnds.length) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...lockEnds) - now.getTime()) / 1000)) };
        }
        const locked: { key: ThrottleKey; failures: number; seconds: number }[] = [];
        for (const key of keys) {
          // Missing when another attempt's clean-up took a quiet row since it was ensured above.
          const row = rows.find((r) => r.keyHash === key.hash);
          const failures = (!row || row.lastFailureAt < forgetBefore(key) ? 0 : row.failures) + 1;
          const seconds = lockSeconds(failures, key.limit);
          const lockedUntil = seconds ? new Date(now.getTime() + seconds * 1000) : null;
          if (seconds) locked.push({ key, failures, seconds });
          const values = { failures, lockedUntil, lastFailureAt: now };
          if (row) await manager.update(SignInThrottleRow, { keyHash: key.hash }, values);
          else await manager.insert(SignInThrottleRow, { keyHash: key.hash, scope: key.scope, ...values });
        }
        return { ok: true as const, locked };
      });
    });
    await this.forgetQuietKeys(new Date(now.getTime() - Math.max(...keys.map((k) => k.limit.forgetAfterSeconds)) * 1000), now);
    return reservation;
  }

  /**
   * Keys quiet for long enough hold nothing worth keeping. Outside the attempt's transaction, and at
   * most every few minutes: the range delete reads the whole table, so in a burst of attempts it
   * would keep them waiting on its row locks. Best effort: a later attempt tries again.
   */
  private async forgetQuietKeys(before: Date, now: Date): Promise<void> {
    if (this.forgotAt && now.getTime() - this.forgotAt.getTime() < FORGET_EVERY_MS && now >= this.forgotAt) return;
    this.forgotAt = now;
    try {
      await this.dataSource
        .createQueryBuilder()
        .delete()
        .from(SignInThrottleRow)
        .where('lastFailureAt < :before AND (lockedUntil IS NULL OR lockedUntil < :now)', { before, now })
        .execute();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not forget quiet sign-in throttle keys; the next attempt tries again');
    }
  }

  async release(account: ThrottleKey, address: ThrottleKey, lockedByAttempt: ThrottleKey[]): Promise<void> {
    await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        await manager.delete(SignInThrottleRow, { keyHash: account.hash });
        const [row] = await this.lockRows(manager, [address.hash]);
        if (!row) return;
        const unlock = lockedByAttempt.some((k) => k.hash === address.hash);
        await manager.update(
          SignInThrottleRow,
          { keyHash: address.hash },
          { failures: Math.max(0, row.failures - 1), ...(unlock ? { lockedUntil: null } : {}) },
        );
      }),
    );
  }

  async lockedUntil(hashes: string[], now: Date): Promise<Map<string, Date>> {
    if (!hashes.length) return new Map();
    const rows = await this.dataSource.getRepository(SignInThrottleRow).findBy({ keyHash: In(hashes) });
    return new Map(rows.filter((r) => r.lockedUntil && r.lockedUntil > now).map((r) => [r.keyHash, r.lockedUntil!]));
  }

  async clear(hash: string, now: Date): Promise<boolean> {
    const repo = this.dataSource.getRepository(SignInThrottleRow);
    const row = await repo.findOneBy({ keyHash: hash });
    if (!row) return false;
    await repo.delete({ keyHash: hash });
    return !!row.lockedUntil && row.lockedUntil > now;
  }

  /** The rows, locked for update (in key order, so two attempts never wait on each other crosswise). */
  private lockRows(manager: EntityManager, hashes: string[]): Promise<SignInThrottleRow[]> {
    const query = manager
      .getRepository(SignInThrottleRow)
      .createQueryBuilder('t')
      .where('t.keyHash IN (:...hashes)', { hashes })
      .orderBy('t.keyHash');
    // SQLite has no row locks: its writers take turns on the whole file.
    return (manager.connection.options.type === 'better-sqlite3' ? query : query.setLock('pessimistic_write')).getMany();
  }
}

/**
 * MySQL may pick a parallel attempt as a deadlock victim, or a re-inserted row may meet another's: the
 * transaction rolled back whole, so it is tried again (and then finds the rows as they are).
 */
async function retryOnDeadlock<T>(work: () => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code =
        (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      if (attempt >= tries || !['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_DUP_ENTRY'].includes(code ?? '')) throw error;
    }
  }
}
