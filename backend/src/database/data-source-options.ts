import type { DataSourceOptions } from 'typeorm';
import { mysqlMigrations, sqliteMigrations } from './migrations';

/** MySQL-family servers are named by URL scheme: mysql:// (MySQL 8) or mariadb:// (MariaDB). */
export type DatabaseTarget = { type: 'mysql'; url: string } | { type: 'sqlite'; file: string };

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
      // Deleted and overwritten content is zeroed in the file, so an erased member's old values do
      // not survive in free pages or cells (ErasedPages checkpoints the WAL after an erasure).
      db.pragma('secure_delete = ON');
    },
  };
}
