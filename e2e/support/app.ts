import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from '../../backend/src/test/eventually';
import { createTestDatabase, type TestDatabase } from '../../backend/src/test/test-database';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface RunningApp {
  url: string;
  db: TestDatabase;
  output: () => string;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL), keeping its database for a restart. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the built app (backend/dist + frontend/build, as `npm start` runs it) on a fresh database
 * and a free port, and waits until its health check answers.
 */
export async function startApp(env: NodeJS.ProcessEnv = {}, reuse?: { db: TestDatabase; port: number }): Promise<RunningApp> {
  const main = join(repoRoot, 'backend', 'dist', 'main.js');
  if (!existsSync(main) || !existsSync(join(repoRoot, 'frontend', 'build', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` first (npm test does it for you)');
  }
  const db = reuse?.db ?? (await createTestDatabase());
  const port = reuse?.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: db.dataDir,
      DATABASE_URL: db.url ?? '',
      LOG_LEVEL: 'warn',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`The app exited at start:\n${log}`);
      return fetch(`${url}/api/health`).then(
        (res) => res.ok,
        () => false, // not listening yet
      );
    },
    () => `the app to answer /api/health:\n${log}`,
    { timeoutMs: 30_000, everyMs: 100 },
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  return {
    url,
    db,
    output: () => log,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await db.drop();
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Creates the first organiser through the public setup endpoint and returns the credentials. */
export async function setupOrganiser(app: RunningApp, email = 'organiser@example.org', password = 'correct horse battery') {
  const res = await fetch(`${app.url}/api/v1/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name: 'Palesa Mokoena' }),
  });
  if (res.status !== 200) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  return { email, password };
}
