import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestApp } from '../test/test-app';
import { createTestApp, TEST_PASSWORD } from '../test/test-app';
import { AuthService } from './auth.service';
import { SESSION_RECHECK_MS } from './recent-sessions';
import { SESSION_COOKIE } from './session-cookie';

describe(AuthService.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets the first person create the first organiser once, then refuses setup', async () => {
    const anon = t.anon();
    await anon.get('/api/v1/auth/setup').expect(200, { needsSetup: true });
    const invalid = await anon
      .post('/api/v1/auth/setup')
      .send({ email: 'not-an-email', name: '', password: 'short' })
      .expect(400);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['email', 'name', 'password']);
    await anon.get('/api/v1/auth/setup').expect(200, { needsSetup: true });

    const res = await anon
      .post('/api/v1/auth/setup')
      .send({ email: 'First@Example.org', name: 'Palesa Mokoena', password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({ email: 'first@example.org', role: 'organiser' });
    await anon.get('/api/v1/auth/me').expect(200);
    await t.anon().get('/api/v1/auth/setup').expect(200, { needsSetup: false });
    const again = await t
      .anon()
      .post('/api/v1/auth/setup')
      .send({ email: 'second@example.org', name: 'Intruder', password: TEST_PASSWORD })
      .expect(409);
    expect(again.body.error).toBe('conflict');
  });

  it('signs in with an httpOnly SameSite cookie, and signs out for good', async () => {
    await t.signedIn('door', { email: 'door.keeper@example.org' });
    const agent = t.anon();
    const res = await agent.post('/api/v1/auth/sign-in').send({ email: 'DOOR.keeper@example.org ', password: TEST_PASSWORD });
    // The DTO refuses the trailing space as not an email: clients must send what the user typed, trimmed.
    expect(res.status).toBe(400);
    const ok = await agent
      .post('/api/v1/auth/sign-in')
      .send({ email: 'door.keeper@example.org', password: TEST_PASSWORD })
      .expect(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = /df_session=([^;]+)/.exec(cookie)![1];
    await agent.get('/api/v1/auth/me').expect(200);

    // Sent as some clients do: JSON announced, no body.
    await agent.post('/api/v1/auth/sign-out').set('Content-Type', 'application/json').expect(204);
    await agent.get('/api/v1/auth/me').expect(401);
    // The old token is dead on the server, not just forgotten by the browser.
    await t.anon().get('/api/v1/auth/me').set('Cookie', `${SESSION_COOKIE}=${token}`).expect(401);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    await t.signedIn('organiser', { email: 'known@example.org' });
    const wrong = await t
      .anon()
      .post('/api/v1/auth/sign-in')
      .send({ email: 'known@example.org', password: 'wrong password' })
      .expect(401);
    const unknown = await t
      .anon()
      .post('/api/v1/auth/sign-in')
      .send({ email: 'nobody@example.org', password: 'wrong password' })
      .expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('stores only a hash of the session token', async () => {
    const agent = await t.signedIn('organiser');
    const me = await agent.get('/api/v1/auth/me').expect(200);
    const rows: { tokenHash: string }[] = await t.dataSource.query('SELECT tokenHash FROM sessions WHERE userId = ?', [
      me.body.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('expires a session after two idle weeks', async () => {
    const agent = await t.signedIn('registrar');
    t.setNow(new Date(Date.now() + 15 * 24 * 3600 * 1000));
    try {
      await agent.get('/api/v1/auth/me').expect(401);
    } finally {
      t.setNow(undefined);
    }
  });

  it('notices within a few seconds a session ended by another process', async () => {
    const door = await t.signedIn('door');
    await door.get('/api/v1/auth/me').expect(200);
    // Another app process signs the user out: only the database knows.
    await t.dataSource.query('DELETE FROM sessions WHERE userId = ?', [door.userId]);
    const now = Date.now();
    t.setNow(new Date(now + 1_000));
    await door.get('/api/v1/auth/me').expect(200);
    t.setNow(new Date(now + SESSION_RECHECK_MS + 1_000));
    await door.get('/api/v1/auth/me').expect(401);
    t.setNow(undefined);
  });

  it('ends every session of a user who is disabled or whose password changes', async () => {
    const organiser = await t.signedIn('organiser');
    const door = await t.signedIn('door');
    const doorId = (await door.get('/api/v1/auth/me').expect(200)).body.id;
    await organiser.patch(`/api/v1/users/${doorId}`).send({ password: 'a brand new password' }).expect(200);
    await door.get('/api/v1/auth/me').expect(401);

    const again = t.anon();
    await again
      .post('/api/v1/auth/sign-in')
      .send({ email: (await organiser.get(`/api/v1/users/${doorId}`)).body.email, password: 'a brand new password' })
      .expect(200);
    await organiser.patch(`/api/v1/users/${doorId}`).send({ active: false }).expect(200);
    await again.get('/api/v1/auth/me').expect(401);
  });
});

describe('first organiser from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  it('is created on first boot and can sign in', async () => {
    const t = await createTestApp({ ADMIN_EMAIL: 'boss@example.org', ADMIN_PASSWORD: 'a long admin password' });
    try {
      await t.anon().get('/api/v1/auth/setup').expect(200, { needsSetup: false });
      const res = await t
        .anon()
        .post('/api/v1/auth/sign-in')
        .send({ email: 'boss@example.org', password: 'a long admin password' })
        .expect(200);
      expect(res.body.role).toBe('organiser');
    } finally {
      await t.close();
    }
  });
});

describe('rate limit on public routes', () => {
  it('answers 429 with Retry-After once an address has used its minute, and leaves staff routes alone', async () => {
    const t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const staff = await t.signedIn('organiser'); // one public call: the sign-in itself
      const anon = t.anon();
      await anon.post('/api/v1/auth/sign-in').send({ email: 'a@example.org', password: 'whatever it is' }).expect(401);
      await anon.get('/api/v1/auth/setup').expect(200);
      const limited = await anon
        .post('/api/v1/auth/sign-in')
        .send({ email: 'a@example.org', password: 'whatever it is' })
        .expect(429);
      expect(limited.body.error).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await staff.get('/api/v1/forums').expect(200);
    } finally {
      await t.close();
    }
  });
});
