// Data source for the TypeORM CLI (migration:generate / migration:run), compiled to dist/.
// MIGRATION_DATABASE_URL picks MySQL; otherwise a SQLite file (MIGRATION_SQLITE_FILE).
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { entities } from '../entities';

const url = process.env.MIGRATION_DATABASE_URL;
// Without the app's statement time limit: a migration may rewrite a large table.
export default new DataSource({
  ...dataSourceOptions(
    url ? { type: 'mysql', url } : { type: 'sqlite', file: process.env.MIGRATION_SQLITE_FILE ?? ':memory:' },
    entities,
  ),
  enableQueryTimeout: false,
} as DataSourceOptions);
