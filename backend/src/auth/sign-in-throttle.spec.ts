import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp, readyApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import type { TestApp } from '../test/test-app';
import { createTestApp, TEST_PASSWORD } from '../test/test-app';
import { SignInThrottle } from './sign-in-throttle';

let address = 0;
/** Each test signs in from its own address (TRUST_PROXY=loopback lets the test say which). */
const newAddress = () => `203.0.113.${++address}`;

describe(SignInThrottle.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => t.close());
  afterEach(() => t.setNow(undefined));

  const signIn = (email: string, password: string, from: string) =>
    t.anon().post('/api/v1/auth/sign-in').set('X-Forwarded-For', from).send({ email, password });

  async function audit(action: string): Promise<{ targetId: string | null; actorRole: string; summary: string }[]> {
    return t.dataSource.query('SELECT targetId, actorRole, summary FROM audit_entries WHERE action = ? ORDER BY at', [action]);
  }

  it('locks an account after five failures, refusing even the right password, and says the same for an unknown email', async () => {
    const from = newAddress();
    const known = await t.signedIn('door', { email: 'door.locked@example.org' });
    // The clock stands still, so the lock's length is exact.
    t.setNow(new Date());
    for (let i = 0; i < 5; i++) await signIn('door.locked@example.org', 'wrong password', from).expect(401);
    for (let i = 0; i < 5; i++) await signIn('nobody.here@example.org', 'wrong password', from).expect(401);

    const locked = await signIn('door.locked@example.org', TEST_PASSWORD, from).expect(429);
    const unknown = await signIn('nobody.here@example.org', TEST_PASSWORD, from).expect(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(unknown.headers['retry-after']).toBe(locked.headers['retry-after']);
    expect(unknown.body.message).toBe(locked.body.message);
    expect(locked.body).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('Try again in 1 minute') });
    // From another address the lock holds just the same: it is the account's.
    await signIn('door.locked@example.org', TEST_PASSWORD, newAddress()).expect(429);

    const failed = (await audit('auth.sign_in_failed')).filter((e) => e.targetId === known.userId);
    expect(failed).toHaveLength(5);
    expect(failed.every((e) => e.actorRole === 'anonymous' && e.summary === 'reason=wrong_password')).toBe(true);
    const locks = await audit('auth.sign_in_locked');
    expect(locks.filter((e) => e.targetId === known.userId)).toEqual([
      { targetId: known.userId, actorRole: 'system', summary: 'scope=account failures=5 seconds=60' },
    ]);
    expect(locks.some((e) => e.targetId === null && e.summary.includes('(no such account)'))).toBe(true);
    // The log names nobody: no email, no address.
    const all: { summary: string }[] = await t.dataSource.query('SELECT summary FROM audit_entries');
    expect(all.some((e) => /@|203\.0\.113/.test(e.summary))).toBe(false);
    t.setNow(undefined);
  });

  it('grows the lock while failures go on, and a success starts the account again from nothing', async () => {
    const from = newAddress();
    await t.signedIn('registrar', { email: 'growing@example.org' });
    const start = Date.now();
    try {
      t.setNow(new Date(start));
      for (let i = 0; i < 5; i++) await signIn('growing@example.org', 'wrong password', from).expect(401);
      t.setNow(new Date(start + 61_000));
      await signIn('growing@example.org', 'wrong password', from).expect(401);
      const second = await signIn('growing@example.org', TEST_PASSWORD, from).expect(429);
      expect(second.headers['retry-after']).toBe('120');
      t.setNow(new Date(start + 61_000 + 121_000));
      await signIn('growing@example.org', 'wrong password', from).expect(401);
      expect((await signIn('growing@example.org', TEST_PASSWORD, from).expect(429)).headers['retry-after']).toBe('240');

      t.setNow(new Date(start + 61_000 + 121_000 + 241_000));
      await signIn('growing@example.org', TEST_PASSWORD, from).expect(200);
      for (let i = 0; i < 4; i++) await signIn('growing@example.org', 'wrong password', from).expect(401);
      await signIn('growing@example.org', TEST_PASSWORD, from).expect(200);
    } finally {
      t.setNow(undefined);
    }
    const signIns = await audit('auth.sign_in');
    expect(signIns.length).toBeGreaterThanOrEqual(2);
    expect(signIns.every((e) => e.actorRole !== 'anonymous')).toBe(true);
  });

  it('forgets failures after a quiet day, and drops the rows that hold nothing', async () => {
    await t.signedIn('door', { email: 'forgetful@example.org' });
    const from = newAddress();
    const start = Date.now();
    t.setNow(new Date(start));
    for (let i = 0; i < 4; i++) await signIn('forgetful@example.org', 'wrong password', from).expect(401);
    const rows = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM sign_in_throttles'))[0].n);
    const before = await rows();
    t.setNow(new Date(start + 25 * 3600_000));
    await signIn('forgetful@example.org', 'wrong password', newAddress()).expect(401);
    // Everything quiet for a day is gone; this attempt's two keys remain.
    expect(await rows()).toBe(2);
    expect(before).toBeGreaterThan(2);
    for (let i = 0; i < 3; i++) await signIn('forgetful@example.org', 'wrong password', from).expect(401);
    await signIn('forgetful@example.org', TEST_PASSWORD, from).expect(200);
  });

  it('locks an address guessing many accounts, and only that address', async () => {
    const from = newAddress();
    await t.signedIn('organiser', { email: 'busy.organiser@example.org' });
    t.setNow(new Date());
    for (let i = 0; i < 20; i++) await signIn(`guess${i}@example.org`, 'wrong password', from).expect(401);
    const res = await signIn('busy.organiser@example.org', TEST_PASSWORD, from).expect(429);
    expect(res.headers['retry-after']).toBe('60');
    await signIn('busy.organiser@example.org', TEST_PASSWORD, newAddress()).expect(200);
    expect((await audit('auth.sign_in_locked')).some((e) => e.summary === 'scope=address failures=20 seconds=60')).toBe(true);
  });

  it('cuts a burst of parallel guesses off at the limit', async () => {
    await t.signedIn('door', { email: 'burst@example.org' });
    const from = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => signIn('burst@example.org', 'wrong password', from).then((r) => r.status)),
    );
    expect(answers.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(answers.filter((s) => s === 401)).toHaveLength(5);
    expect(answers.filter((s) => s === 429)).toHaveLength(7);
  });

  it('shows organisers the lock and lets them lift it; nobody else may', async () => {
    const organiser = await t.signedIn('organiser');
    const registrar = await t.signedIn('registrar');
    const door = await t.signedIn('door', { email: 'unlock.me@example.org' });
    const from = newAddress();
    for (let i = 0; i < 5; i++) await signIn('unlock.me@example.org', 'wrong password', from).expect(401);

    const listed = (await organiser.get('/api/v1/users').expect(200)).body as { id: string; lockedUntil: string | null }[];
    const row = listed.find((u) => u.id === door.userId)!;
    expect(new Date(row.lockedUntil!).getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(listed.find((u) => u.id === organiser.userId)!.lockedUntil).toBeNull();
    expect((await organiser.get(`/api/v1/users/${door.userId}`).expect(200)).body.lockedUntil).toBe(row.lockedUntil);

    await registrar.post(`/api/v1/users/${door.userId}/unlock`).expect(403);
    await door.post(`/api/v1/users/${door.userId}/unlock`).expect(403);
    await signIn('unlock.me@example.org', TEST_PASSWORD, from).expect(429);

    const unlocked = await organiser.post(`/api/v1/users/${door.userId}/unlock`).expect(200);
    expect(unlocked.body).toMatchObject({ id: door.userId, lockedUntil: null });
    await signIn('unlock.me@example.org', TEST_PASSWORD, from).expect(200);
    expect(await audit('staff.unlocked')).toEqual([{ targetId: door.userId, actorRole: 'organiser', summary: '' }]);
    // Unlocking an account that is not locked changes nothing and records nothing.
    await organiser.post(`/api/v1/users/${door.userId}/unlock`).expect(200);
    expect(await audit('staff.unlocked')).toHaveLength(1);
    await organiser.post('/api/v1/users/00000000-0000-4000-8000-000000000000/unlock').expect(404);
  });

  it('holds across app processes sharing the database', async () => {
    await t.signedIn('door', { email: 'two.processes@example.org' });
    const second: NestFastifyApplication = await createApp(
      loadConfig({
        DATA_DIR: t.db.dataDir,
        DATABASE_URL: t.db.url,
        APP_SECRET: 'test-secret-test-secret-test-secret-0123',
        LOG_LEVEL: 'silent',
        MAIL_WORKER: 'off',
        PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      }),
    );
    await readyApp(second);
    try {
      for (let i = 0; i < 5; i++) await signIn('two.processes@example.org', 'wrong password', newAddress()).expect(401);
      await request(second.getHttpServer())
        .post('/api/v1/auth/sign-in')
        .send({ email: 'two.processes@example.org', password: TEST_PASSWORD })
        .expect(429);
    } finally {
      await second.close();
    }
  });
});
