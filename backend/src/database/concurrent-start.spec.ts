import { afterAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApp, readyApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { createTestDatabase, type TestDatabase } from '../test/test-database';
import { mysqlMigrations, sqliteMigrations } from './migrations';

describe('several app processes started at once on an empty database', () => {
  let db: TestDatabase;
  const apps: NestFastifyApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
  });

  it('all come up: the migrations run once, and one first organiser is created', async () => {
    db = await createTestDatabase();
    const start = async () => {
      const app = await createApp(
        loadConfig({
          DATA_DIR: db.dataDir,
          DATABASE_URL: db.url,
          APP_SECRET: 'test-secret-test-secret-test-secret-0123',
          LOG_LEVEL: 'silent',
          MAIL_WORKER: 'off',
          RETENTION_SCHEDULER: 'off',
          ADMIN_EMAIL: 'first.organiser@example.org',
          ADMIN_PASSWORD: 'a long first password',
        }),
      );
      apps.push(app);
      await readyApp(app);
      return app;
    };
    const started = await Promise.allSettled([start(), start(), start()]);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up'))).toEqual(['up', 'up', 'up']);
    const dataSource = apps[0].get<DataSource>(getDataSourceToken());
    const migrations = (await dataSource.query('SELECT name FROM migrations')) as { name: string }[];
    const expected = (db.target.type === 'sqlite' ? sqliteMigrations : mysqlMigrations).length;
    expect(migrations).toHaveLength(expected);
    expect(new Set(migrations.map((m) => m.name)).size).toBe(expected);
    const users = (await dataSource.query('SELECT email, role FROM users')) as { email: string; role: string }[];
    expect(users).toEqual([{ email: 'first.organiser@example.org', role: 'organiser' }]);
  });
});
