import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { SignInThrottleRow } from './entities/sign-in-throttle.entity';
import { lockSeconds, type Reservation, SignInThrottleStore, type ThrottleKey } from './sign-in-throttle.store';

/** The sign-in throttle kept in the database, so every app process sees the same counts and locks. */
@Injectable()
export class SignInThrottleRepository extends SignInThrottleStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async reserve(keys: ThrottleKey[], now: Date): Promise<Reservation> {
    const forgetBefore = (key: ThrottleKey) => new Date(now.getTime() - key.limit.forgetAfterSeconds * 1000);
    const repo = this.dataSource.getRepository(SignInThrottleRow);
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
        const row = rows.find((r) => r.keyHash === key.hash)!;
        const failures = (row.lastFailureAt < forgetBefore(key) ? 0 : row.failures) + 1;
        const seconds = lockSeconds(failures, key.limit);
        const lockedUntil = seconds ? new Date(now.getTime() + seconds * 1000) : null;
        if (seconds) locked.push({ key, failures, seconds });
        await manager.update(SignInThrottleRow, { keyHash: key.hash }, { failures, lockedUntil, lastFailureAt: now });
      }
      // Keys quiet for long enough hold nothing worth keeping.
      const oldest = Math.min(...keys.map((k) => forgetBefore(k).getTime()));
      await manager
        .createQueryBuilder()
        .delete()
        .from(SignInThrottleRow)
        .where('lastFailureAt < :oldest AND (lockedUntil IS NULL OR lockedUntil < :now)', { oldest: new Date(oldest), now })
        .execute();
      return { ok: true, locked };
    });
  }

  async release(account: ThrottleKey, address: ThrottleKey, lockedByAttempt: ThrottleKey[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(SignInThrottleRow, { keyHash: account.hash });
      const [row] = await this.lockRows(manager, [address.hash]);
      if (!row) return;
      const unlock = lockedByAttempt.some((k) => k.hash === address.hash);
      await manager.update(
        SignInThrottleRow,
        { keyHash: address.hash },
        { failures: Math.max(0, row.failures - 1), ...(unlock ? { lockedUntil: null } : {}) },
      );
    });
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
