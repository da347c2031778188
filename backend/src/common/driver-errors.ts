import { DomainError } from './domain-error';

/** How long a client should wait before retrying a request that met a lock held too long. */
export const RETRY_AFTER_SECONDS = 3;

interface DriverError {
  errno?: number;
  code?: string;
  message?: string;
  sqlMessage?: string;
  driverError?: DriverError;
}

const mysqlColumn = /column '([^']+)'/i;
const mysqlForeignKey = /FOREIGN KEY \(`([^`]+)`\)/;
const sqliteColumns = /constraint failed: (.+)$/;

/**
 * The 4xx (or 503) a database refusal stands for, or null when the error is not one the driver
 * raises for the data it was given. Services check what they can first; this is the net under
 * them, so a constraint the database holds (unique, NOT NULL, foreign key, too long, bad value) or
 * a lock held too long never answers 500. MySQL/MariaDB name the column in the message for most
 * of these; SQLite names table.column for NOT NULL, UNIQUE and CHECK.
 */
export function domainErrorFromDriver(error: unknown): DomainError | null {
  const err = ((error as DriverError | null)?.driverError ?? error) as DriverError | null;
  if (err && typeof err === 'object' && unreachable.has(err.code ?? '')) {
    return DomainError.unavailable('The database cannot be reached just now: try again in a moment', RETRY_AFTER_SECONDS);
  }
  if (!err || typeof err !== 'object' || (err.errno === undefined && !err.code?.startsWith('SQLITE_'))) return null;
  const message = err.sqlMessage ?? err.message ?? '';
  const mysqlField = mysqlColumn.exec(message)?.[1];
  const sqliteFields = sqliteColumns
    .exec(message)?.[1]
    .split(',')
    .map((c) => c.trim().split('.').at(-1)!);
  switch (err.code) {
    case 'ER_DUP_ENTRY':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return DomainError.conflict('This already exists', fieldsOf(sqliteFields, 'is already taken'));
    case 'ER_BAD_NULL_ERROR':
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return DomainError.validation(fieldsOf(mysqlField ? [mysqlField] : sqliteFields, 'is required') ?? {});
    case 'ER_NO_REFERENCED_ROW':
    case 'ER_NO_REFERENCED_ROW_2':
      return DomainError.validation(
        fieldsOf(optional(mysqlForeignKey.exec(message)?.[1]), 'refers to something that does not exist') ?? {},
        'Something it refers to does not exist',
      );
    case 'ER_ROW_IS_REFERENCED':
    case 'ER_ROW_IS_REFERENCED_2':
      return DomainError.conflict('Other records still refer to this');
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return DomainError.conflict('This refers to, or is referred to by, something that does not match');
    case 'ER_DATA_TOO_LONG':
    case 'SQLITE_TOOBIG':
      return DomainError.validation(fieldsOf(optional(mysqlField), 'is too long') ?? {}, 'A value is too long');
    case 'ER_TRUNCATED_WRONG_VALUE':
    case 'ER_TRUNCATED_WRONG_VALUE_FOR_FIELD':
    case 'ER_WARN_DATA_OUT_OF_RANGE':
    case 'ER_DATA_OUT_OF_RANGE':
    case 'ER_WRONG_VALUE':
    case 'ER_WRONG_VALUE_FOR_TYPE':
    case 'ER_INVALID_JSON_TEXT':
    case 'ER_INVALID_CHARACTER_STRING':
    case 'ER_CHECK_CONSTRAINT_VIOLATED':
    case 'ER_CONSTRAINT_FAILED':
    case 'SQLITE_CONSTRAINT_CHECK':
    case 'SQLITE_MISMATCH':
    case 'SQLITE_RANGE':
      return DomainError.validation(
        fieldsOf(mysqlField ? [mysqlField] : sqliteFields, 'has a value that cannot be stored') ?? {},
        'A value cannot be stored',
      );
    case 'ER_LOCK_WAIT_TIMEOUT':
    case 'ER_LOCK_DEADLOCK':
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case 'SQLITE_BUSY_TIMEOUT':
    case 'SQLITE_LOCKED':
      return DomainError.unavailable('The database is busy with the same records: try again in a moment', RETRY_AFTER_SECONDS);
    default:
      return null;
  }
}

/**
 * The database did not answer: a statement over its time limit, a connection that could not open
 * or was lost, a server refusing connections. Nothing can be known to have been written, so none
 * of these is answered as a success.
 */
const unreachable = new Set([
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

const optional = (field: string | undefined) => (field ? [field] : undefined);

function fieldsOf(columns: string[] | undefined, message: string): Record<string, string[]> | undefined {
  if (!columns?.length) return undefined;
  return Object.fromEntries(columns.map((column) => [column, [message]]));
}
