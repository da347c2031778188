import { afterAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp, readyApp } from '../bootstrap';
import { domainErrorFromDriver } from '../common/driver-errors';
import { loadConfig } from '../config/app-config';
import { StallingProxy } from '../test/stalling-proxy';
import { createTestDatabase, type TestDatabase } from '../test/test-database';

describe('a database that stops answering', () => {
  it('is answered 503 with Retry-After, whatever way the driver says it', () => {
    for (const code of [
      'PROTOCOL_SEQUENCE_TIMEOUT',
      'PROTOCOL_CONNECTION_LOST',
      'ETIMEDOUT',
      'ECONNREFUSED',
      'ER_CON_COUNT_ERROR',
    ]) {
      const error = domainErrorFromDriver({ driverError: { code, message: 'gone' } });
      expect([code, error?.kind, error?.retryAfterSeconds]).toEqual([code, 'unavailable', 3]);
    }
  });

  // Only a database over the network can stop answering: this part runs where the tests use MySQL/MariaDB.
  if (!process.env.TEST_DATABASE_URL) return;

  let db: TestDatabase;
  let proxy: StallingProxy;
  let app: NestFastifyApplication;
  afterAll(async () => {
    await app?.close();
    await proxy?.stop();
    await db?.drop();
  });

  it('answers every route 503 within seconds while the network to it is paused, and recovers without a restart', async () => {
    db = await createTestDatabase();
    proxy = await new StallingProxy(db.url!).start();
    app = await createApp(
      loadConfig({
        DATA_DIR: db.dataDir,
        DATABASE_URL: proxy.url,
        APP_SECRET: 'test-secret-test-secret-test-secret-0123',
        LOG_LEVEL: 'silent',
        MAIL_WORKER: 'off',
        RETENTION_SCHEDULER: 'off',
        PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
      }),
    );
    await readyApp(app);
    const http = () => request(app.getHttpServer());
    const signIn = () => http().post('/api/v1/auth/sign-in').send({ email: 'nobody@example.org', password: 'not the password' });
    await http().get('/api/health').expect(200);
    await signIn().expect(401);

    proxy.pause();
    const started = Date.now();
    const [health, refused] = await Promise.all([http().get('/api/health'), signIn()]);
    expect([health.status, refused.status]).toEqual([503, 503]);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(refused.headers['retry-after']).toBe('3');
    expect(refused.body.message).toMatch(/cannot be reached/);

    proxy.resume();
    await http().get('/api/health').expect(200);
    await signIn().expect(401);
  }, 30_000);
});
