import { afterAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { DatabaseTarget } from './database/data-source-options';
import { dataSourceOptions } from './database/data-source-options';
import { entities } from './entities';
import { createTestApp } from './test/test-app';
import type { TestDatabase } from './test/test-database';
import { createTestDatabase } from './test/test-database';

/** Runs every migration on an empty database, then asks TypeORM what it would still change. */
async function pendingSchemaChanges(target: DatabaseTarget): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(target, entities));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}

// Drift is checked on both dialects on every run: the local MariaDB stands in when CI's
// TEST_DATABASE_URL is not set.
const mysqlUrl = process.env.TEST_DATABASE_URL || 'mariadb://root@127.0.0.1:3306/df_test';

describe('migrations', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('bring an empty SQLite database exactly to the entities (no drift)', async () => {
    const db = await createTestDatabase('');
    dbs.push(db);
    expect(db.target.type).toBe('sqlite');
    expect(await pendingSchemaChanges(db.target)).toEqual([]);
  });

  it(`bring an empty MySQL database exactly to the entities (no drift; needs MySQL at ${new URL(mysqlUrl).host})`, async () => {
    const db = await createTestDatabase(mysqlUrl);
    dbs.push(db);
    expect(db.target.type).toBe('mysql');
    expect(await pendingSchemaChanges(db.target)).toEqual([]);
  });
});

describe('entities', () => {
  it('registered by the modules (autoLoadEntities) are exactly the list the migration tools use', async () => {
    const t = await createTestApp();
    try {
      const registered = t.dataSource.entityMetadatas.map((m) => (m.target as { name: string }).name).sort();
      expect(registered).toEqual(entities.map((e) => e.name).sort());
    } finally {
      await t.close();
    }
  });
});
