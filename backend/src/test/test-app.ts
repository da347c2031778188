import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { StaffRole } from '../auth/entities/user.entity';
import { UsersService } from '../auth/users.service';
import { createApp, readyApp } from '../bootstrap';
import { Clock } from '../common/clock';
import { loadConfig } from '../config/app-config';
import type { TestDatabase } from './test-database';
import { createTestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  dataSource: DataSource;
  /** A supertest agent with no session. */
  anon(): request.Agent;
  /** Creates a staff user of that role and returns an agent signed in as them. */
  signedIn(role: StaffRole, options?: { countries?: string[]; email?: string }): Promise<request.Agent & { userId: string }>;
  setNow(date: Date | undefined): void;
  close(): Promise<void>;
}

let counter = 0;
const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

/**
 * Another app process on a test app's database (as a second copy behind a load balancer would be),
 * with nothing scheduled and no mail worker unless `env` says so. The caller closes it.
 */
export async function secondApp(t: TestApp, env: NodeJS.ProcessEnv = {}): Promise<{ app: NestFastifyApplication; clock: Clock }> {
  const app = await createApp(
    loadConfig({
      DATA_DIR: t.db.dataDir,
      DATABASE_URL: t.db.url,
      APP_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      MAIL_WORKER: 'off',
      RETENTION_SCHEDULER: 'off',
      ...env,
    }),
  );
  await readyApp(app);
  return { app, clock: app.get(Clock) };
}

/** Boots the real app (every module, guard, pipe and filter) on a fresh test database. */
export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    APP_SECRET: TEST_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    // Retention runs when a test calls it (with the clock set), not on a timer.
    RETENTION_SCHEDULER: 'off',
    ...env,
  });
  const app = await createApp(config);
  let now: Date | undefined;
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  clock.now = () => now ?? realNow();
  await readyApp(app);
  const server = app.getHttpServer();
  const dataSource = app.get<DataSource>(getDataSourceToken());

  return {
    app,
    db,
    dataSource,
    anon: () => request.agent(server),
    async signedIn(role, options = {}) {
      const email = options.email ?? `${role}${++counter}@example.org`;
      const user = await app.get(UsersService).create({
        email,
        name: `Test ${role}`,
        password: TEST_PASSWORD,
        role,
        countries: options.countries ?? (role === 'registrar' ? ['ZA'] : []),
      });
      const agent = request.agent(server);
      await agent.post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }).expect(200);
      return Object.assign(agent, { userId: user.id });
    },
    setNow(date) {
      now = date;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
