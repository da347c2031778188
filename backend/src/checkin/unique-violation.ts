/** An index as TypeORM names it, with its columns: MySQL errors name the index, SQLite errors the columns. */
export interface UniqueIndex {
  name: string;
  columns: string[];
}

interface DriverError {
  errno?: number;
  code?: string;
  message?: string;
  sqlMessage?: string;
  driverError?: DriverError;
}

/**
 * Which unique index a failed INSERT hit, or null when the error is not a unique violation (or hit
 * an index not in the list). MySQL/MariaDB: ER_DUP_ENTRY (errno 1062), "… for key 'IDX_…'" (MySQL 8
 * prefixes the table name). SQLite: SQLITE_CONSTRAINT_UNIQUE, "UNIQUE constraint failed: t.a, t.b".
 */
export function violatedIndex<T extends UniqueIndex>(error: unknown, indexes: T[]): T | null {
  const err = ((error as DriverError | null)?.driverError ?? error) as DriverError | null;
  if (!err) return null;
  const message = err.sqlMessage ?? err.message ?? '';
  if (err.errno === 1062 || err.code === 'ER_DUP_ENTRY') {
    const key = /for key '(?:[^'.]*\.)?([^']+)'/.exec(message)?.[1];
    return indexes.find((index) => index.name === key) ?? null;
  }
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = /UNIQUE constraint failed: (.+)$/
      .exec(message)?.[1]
      .split(',')
      .map((c) => c.trim().split('.').at(-1)!);
    if (!columns) return null;
    return indexes.find((index) => index.columns.join() === columns.join()) ?? null;
  }
  return null;
}
