/**
 * Raw SQL values the same way on both dialects: mysql2 (timezone Z) gives Date objects and numbers,
 * better-sqlite3 gives strings and 0/1. We write datetimes as UTC text, which both accept.
 */
export function toSqlDateTime(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}

export function fromSqlDateTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

export function parseJsonList(value: unknown): string[] | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value as string[];
  const parsed = JSON.parse(String(value)) as unknown;
  return Array.isArray(parsed) ? (parsed as string[]) : null;
}
