// What the benchmarks that drive the built app over HTTP share: starting processes (with CPU and
// peak-RSS readings from /proc), the app itself on a bench database, and a forum with a door account.
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 'bench-password-1';
const ORGANISER = 'organiser@bench.example.org';
const DOOR = 'door@bench.example.org';

/** A child process whose CPU time and peak RSS can be read; kill() stops it with SIGINT. */
export function startProcess(command, args, options) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (rss) peak = Math.max(peak, Number(rss) / 1024);
    } catch {
      // the process has ended
    }
  }, 250);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.on('exit', (code) => {
    clearInterval(sampler);
    if (code && code !== 0 && !child.killedOnPurpose)
      process.stderr.write(`${args.at(-1).slice(0, 40)} exited ${code}\n${stderr}\n`);
  });
  return {
    cpuMs: () => processCpuMs(child.pid),
    peakRssMb: () => Math.round(peak),
    kill: async () => {
      child.killedOnPurpose = true;
      // SIGINT lets the app close cleanly (and --cpu-prof write its profile).
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
}

/**
 * The built app (node backend/dist/main.js) on the given database, with an organiser account, an open
 * forum over `days` and a door account; resolves once it answers, with both accounts' cookies.
 */
export async function startBenchApp({ repoRoot, databaseUrl, days, nodeArgs = [] }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'df-bench-app-'));
  const port = await freePort();
  const proc = startProcess(process.execPath, [...nodeArgs, 'backend/dist/main.js'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0',
      ADMIN_EMAIL: ORGANISER,
      ADMIN_PASSWORD: PASSWORD,
      MAIL_WORKER: 'off',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await proc.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`${base}/api/health`);
    const organiser = await signIn(base, ORGANISER);
    const forum = await api(base, organiser, 'POST', '/api/v1/forums', {
      name: 'Benchmark forum',
      venue: 'Maseru',
      startDate: days[0],
      endDate: days.at(-1),
      capacity: 100000,
      status: 'open',
    });
    const account = await api(base, organiser, 'POST', '/api/v1/users', {
      email: DOOR,
      name: 'Bench door',
      password: PASSWORD,
      role: 'door',
    });
    // Door accounts reach only the forums they are assigned to.
    await api(base, organiser, 'PUT', `/api/v1/door-staff/${account.id}/assignments`, { assignments: [{ forumId: forum.id }] });
    const door = await signIn(base, DOOR);
    return { ...proc, kill: stop, base, port, organiser, door, forum };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** CPU time (user + system) a process has used, from /proc; 0 when it cannot be read. */
export function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

export function mariadbCpuMs() {
  try {
    const pid = execSync('pidof mariadbd mysqld').toString().trim().split(' ')[0];
    return processCpuMs(pid);
  } catch {
    return 0;
  }
}

export async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function signIn(base, email) {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function api(base, cookie, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
