import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';

export { mysqlMigrations, sqliteMigrations };
