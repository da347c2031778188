import * as mysql2 from 'mysql2';
import type { DataSourceOptions } from 'typeorm';
import { DatabaseLogger } from './database-logger';
import { mysqlMigrations, sqliteMigrations } from './migrations';

/** MySQL-family servers are named by URL scheme: mysql:// (MySQL 8) or mariadb:// (MariaDB). */
export type DatabaseTarget = { type: 'mysql'; url: string } | { type: 'sqlite'; file: string };

/**
 * How long a statement waits for a row another transaction holds before giving up (MySQL's default
 * is 50 s). Capacity is taken by locking the forum row; a request that cannot get it in this time
 * answers 503 with Retry-After (common/driver-errors.ts) and its transaction rolls back whole.
 */
export const LOCK_WAIT_SECONDS = 3;

/**
 * The longest a statement may take before the app gives up on it (the connection is dropped and the
 * request answers 503 with Retry-After), and the longest a new connection may take to open: a
 * database that stops answering (network paused, server hung) fails requests within seconds, not
 * after the operating system's TCP timeouts. Migrations run without the statement limit.
 */
export const QUERY_TIMEOUT_SECONDS = 5;
export const CONNECT_TIMEOUT_SECONDS = 3;

/** mysql2 with every pooled connection's lock wait set as it opens, before TypeORM gets it. */
const mysqlWithShortLockWait = {
  ...mysql2,
  createPool(options: mysql2.PoolOptions) {
    const pool = mysql2.createPool(options);
    pool.on('connection', (connection) => {
      connection.query(`SET SESSION innodb_lock_wait_timeout = ${LOCK_WAIT_SECONDS}`);
    });
    return pool;
  },
};

export function isMariaDbUrl(url: string): boolean {
  return url.startsWith('mariadb://');
}

/**
 * One place that turns the configured database into TypeORM options, for the app, the CLI and tests.
 * The entities are not known here: each feature module registers its own (TypeOrmModule.forFeature,
 * collected by autoLoadEntities), and the tools that need the whole list without Nest (migration
 * CLI, schema drift test) pass the one assembled at the app root (src/entities.ts).
 */
export function dataSourceOptions(target: DatabaseTarget, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  const common = {
    entities,
    synchronize: false,
    migrationsRun: true,
    migrationsTableName: 'migrations',
    logging: false,
    logger: new DatabaseLogger(),
  } as const;
  if (target.type === 'mysql') {
    return {
      ...common,
      // TypeORM reads MariaDB's information_schema correctly only when told it is MariaDB.
      type: isMariaDbUrl(target.url) ? 'mariadb' : 'mysql',
      url: target.url.replace(/^mariadb:/, 'mysql:'),
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      migrations: mysqlMigrations,
      extra: { connectionLimit: 16, connectTimeout: CONNECT_TIMEOUT_SECONDS * 1000 },
      enableQueryTimeout: true,
      maxQueryExecutionTime: QUERY_TIMEOUT_SECONDS * 1000,
      driver: mysqlWithShortLockWait,
      // No stack captured at each query's call site: it cost more than a check-in's own work.
      trace: false,
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.file,
    timeout: LOCK_WAIT_SECONDS * 1000,
    migrations: sqliteMigrations,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${LOCK_WAIT_SECONDS * 1000}`);
      // Deleted and overwritten content is zeroed in the file, so an erased member's old values do
      // not survive in free pages or cells (ErasedPages checkpoints the WAL after an erasure).
      db.pragma('secure_delete = ON');
    },
  };
}
