import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aMember, addMembers } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { domainErrorFromDriver } from './driver-errors';

/** Real refusals from the test database (SQLite, or MySQL/MariaDB with TEST_DATABASE_URL), mapped. */
describe(domainErrorFromDriver.name, () => {
  let t: TestApp;
  let memberId: string;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    await t.signedIn('organiser');
    memberId = (await addMembers(t, [aMember()]))[0].id;
  });
  afterAll(() => t.close());

  const refusal = async (sql: string, params: unknown[] = []) => {
    try {
      await t.dataSource.query(sql, params);
    } catch (error) {
      return domainErrorFromDriver(error);
    }
    throw new Error(`the database took: ${sql}`);
  };

  it('maps NOT NULL to a 400 naming the column', async () => {
    const error = await refusal('UPDATE members SET consentUpdates = NULL WHERE id = ?', [memberId]);
    expect(error).toMatchObject({ kind: 'validation', fields: { consentUpdates: ['is required'] } });
  });

  it('maps a duplicate key to a 409', async () => {
    const [user] = await t.dataSource.query('SELECT * FROM users LIMIT 1');
    const columns = Object.keys(user);
    const error = await refusal(
      `INSERT INTO users (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      columns.map((c) => user[c]),
    );
    expect(error).toMatchObject({ kind: 'conflict' });
  });

  it('maps a missing foreign row to a 4xx', async () => {
    const error = await refusal(
      "INSERT INTO member_sectors (memberId, sector) VALUES ('00000000-0000-0000-0000-000000000000', 'health')",
    );
    expect(['validation', 'conflict']).toContain(error?.kind);
  });

  it('maps a lock wait or busy database to a 503 with a retry time', () => {
    for (const driverError of [{ errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' }, { code: 'SQLITE_BUSY' }])
      expect(domainErrorFromDriver({ driverError })).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 3 });
  });

  it('maps too long and bad values on MySQL to a 400 naming the column', async () => {
    if (t.db.target.type === 'mysql') {
      const tooLong = await refusal("UPDATE members SET city = REPEAT('x', 500) WHERE id = ?", [memberId]);
      expect(tooLong).toMatchObject({ kind: 'validation', fields: { city: ['is too long'] } });
    }
    expect(
      domainErrorFromDriver({ errno: 1406, code: 'ER_DATA_TOO_LONG', sqlMessage: "Data too long for column 'city' at row 1" }),
    ).toMatchObject({
      kind: 'validation',
      fields: { city: ['is too long'] },
    });
    expect(
      domainErrorFromDriver({
        errno: 1292,
        code: 'ER_TRUNCATED_WRONG_VALUE',
        sqlMessage: "Incorrect datetime value: 'x' for column 'consentAt' at row 1",
      }),
    ).toMatchObject({ kind: 'validation', fields: { consentAt: ['has a value that cannot be stored'] } });
  });

  it('leaves other errors alone (they stay 500s, to be found and fixed)', () => {
    expect(domainErrorFromDriver(new TypeError('x is undefined'))).toBeNull();
    expect(domainErrorFromDriver({ errno: -2, code: 'ENOENT' })).toBeNull();
  });
});
