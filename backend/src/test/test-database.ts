import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DatabaseTarget } from '../database/data-source-options';

export interface TestDatabase {
  target: DatabaseTarget;
  /** The DATABASE_URL to give the app (undefined means the SQLite default in dataDir). */
  url?: string;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: MySQL when TEST_DATABASE_URL is set (a new schema
 * beside the one it names, so files can run in parallel), else a SQLite file in a temp folder.
 */
export async function createTestDatabase(base = process.env.TEST_DATABASE_URL): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'df-test-'));
  if (!base) {
    return {
      target: { type: 'sqlite', file: join(dataDir, 'diaspora-forum.sqlite') },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${new URL(base).pathname.slice(1) || 'df_test'}_${randomBytes(4).toString('hex')}`;
  const server = new URL(base);
  server.pathname = '/';
  const admin = await createConnection({ uri: mysqlUri(server) });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    target: { type: 'mysql', url: url.toString() },
    url: url.toString(),
    dataDir,
    drop: async () => {
      const conn = await createConnection({ uri: mysqlUri(server) });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function mysqlUri(url: URL): string {
  return url.toString().replace(/^mariadb:/, 'mysql:');
}
