import type { DataSource } from 'typeorm';

/** How long a process waits for another to finish (migrations on a large database take a while). */
const WAIT_SECONDS = 300;
const sqliteQueues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` while holding a named lock on the database, so app processes starting together take
 * turns (migrations, the first organiser). MySQL/MariaDB: GET_LOCK, named per database, held by a
 * connection of its own for the whole work. SQLite serves one app process (the embedded default):
 * the lock is that process's, per file.
 */
export async function underDatabaseLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'better-sqlite3') {
    const key = `${String(dataSource.options.database)}:${name}`;
    const turn = (sqliteQueues.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
    sqliteQueues.set(key, turn);
    return turn;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(CONCAT(DATABASE(), ?), ?) AS got', [`:${name}`, WAIT_SECONDS])) as {
      got: number | string | null;
    }[];
    if (Number(row?.got) !== 1) throw new Error(`Another app process held the "${name}" lock for over ${WAIT_SECONDS} s`);
    try {
      return await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(CONCAT(DATABASE(), ?))', [`:${name}`]);
    }
  } finally {
    await runner.release();
  }
}
