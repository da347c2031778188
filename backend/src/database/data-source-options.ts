import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { mysqlMigrations, sqliteMigrations } from './migrations';

/** MySQL-family servers are named by URL scheme: mysql:// (MySQL 8) or mariadb:// (MariaDB). */
export type DatabaseTarget = { type: 'mysql'; url: string } | { type: 'sqlite'; file: string };

export function isMariaDbUrl(url: string): boolean {
  return url.startsWith('mariadb://');
}

/** One place that turns the configured database into TypeORM options, for the app, the CLI and tests. */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = {
    entities,
    synchronize: false,
    migrationsRun: true,
    migrationsTableName: 'migrations',
    logging: false,
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
      extra: { connectionLimit: 16 },
      // No stack captured at each query's call site: it cost more than a check-in's own work.
      trace: false,
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.file,
    migrations: sqliteMigrations,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
