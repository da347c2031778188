// checkin-api: first-time admissions through POST /api/v1/door/forums/:id/check-ins on MySQL/MariaDB.
// Ours: the built app (`node backend/dist/main.js`, default log level) with a door user's session
// cookie; every request one scan of a distinct badge with its own nonce.
// Floor: a bare node:http server (in its own process, like ours) that parses the same body and
// INSERTs the same check_ins row with mysql2 (pool of 16), on the same database.
// autocannon, 32 connections, 10 s per round after a warm-up; rounds alternate; medians of 3.
// BENCH_COMPARE=<checkout>: also measures the built app of another checkout (say, a commit with
// another request path) in the same run, on its own database, reported as `checkin-api-<label>`
// (BENCH_COMPARE_LABEL, default "compare").
import { execSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createPool } from 'mysql2/promise';
import { freePort, mariadbCpuMs, startBenchApp, startProcess, waitFor } from './app-process.mjs';

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 60_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 32;
const ROUNDS = 3;
const DAYS = ['2027-04-08', '2027-04-09', '2027-04-10', '2027-04-11', '2027-04-12', '2027-04-13', '2027-04-14'];

export default async function checkinApi({ freshDatabase, repoRoot }) {
  const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const ours = await benchApp(repoRoot, await freshDatabase(), nodeArgs);
  const other = process.env.BENCH_COMPARE ? await benchApp(process.env.BENCH_COMPARE, await freshDatabase(), []) : null;
  const label = process.env.BENCH_COMPARE_LABEL ?? 'compare';
  const targets = other ? ['ours', 'other', 'floor'] : ['ours', 'floor'];
  const apps = { ours, other };
  const { url } = ours;
  const floorPort = await freePort();
  let floor;
  try {
    floor = startProcess(process.execPath, ['--input-type=module', '-e', floorSource], {
      cwd: join(repoRoot, 'backend'),
      env: { ...process.env, FLOOR_PORT: String(floorPort), FLOOR_DB: url.replace(/^mariadb:/, 'mysql:') },
    });
    await waitFor(`http://127.0.0.1:${floorPort}/health`);

    const run = async (target, day, seconds) => {
      const bench = apps[target];
      const proc = bench ? bench.app : floor;
      const before = [proc.cpuMs(), mariadbCpuMs()];
      const result = await load(
        bench
          ? `${bench.app.base}/api/v1/door/forums/${bench.app.forum.id}/check-ins`
          : `http://127.0.0.1:${floorPort}/check-ins`,
        bench ? bench.app.door : '',
        day,
        seconds,
      );
      const requests = result.rps * seconds;
      result.cpuUs = Math.round(((proc.cpuMs() - before[0]) * 1000) / requests);
      result.dbCpuUs = Math.round(((mariadbCpuMs() - before[1]) * 1000) / requests);
      return result;
    };
    // Warm-up of both on the first day (JIT, pools, the forum's page in the buffer pool).
    for (const target of targets) await run(target, DAYS[0], WARM_UP_SECONDS);
    const rounds = Object.fromEntries(targets.map((t) => [t, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const target of r % 2 ? [...targets].reverse() : targets) {
        rounds[target].push(await run(target, DAYS[r + 1], SECONDS));
        process.stderr.write(`${target} round ${r + 1}: ${JSON.stringify(rounds[target].at(-1))}\n`);
      }
    }
    // Each app must really have admitted what it answered: one admitted row per request of each round.
    for (const target of targets.filter((t) => apps[t])) await checkStored(apps[target], rounds[target]);

    const f = median(rounds.floor);
    const errors = Object.values(rounds)
      .flat()
      .reduce((sum, r) => sum + r.errors, 0);
    // An error answer is cheaper than the work: a side with errors has not done what it is measured for.
    if (errors) throw new Error(`${errors} requests failed or were refused; the figures would not compare like with like`);
    const entry = (target, path) => {
      const o = median(rounds[target]);
      return {
        unit: 'scans/s',
        better: 'higher',
        ours: o.rps,
        floor: f.rps,
        ratio: Math.round((o.rps / f.rps) * 100) / 100,
        p99Ms: o.p99,
        peakRssMb: apps[target].app.peakRssMb(),
        target: '≥ 1,500 scans/s, p99 ≤ 25 ms, ≥ 50% of floor, p99 ≤ 1.5× floor',
        notes:
          `${path}; rounds ours ${rounds[target].map((r) => r.rps).join('/')}, floor ${rounds.floor.map((r) => r.rps).join('/')}; ` +
          `p99 floor ${f.p99} ms; p50 ours ${o.p50} ms, floor ${f.p50} ms; CPU per scan ours ${o.cpuUs} µs app + ${o.dbCpuUs} µs db, ` +
          `floor ${f.cpuUs} + ${f.dbCpuUs}; non-2xx/errors ${errors}; load average ${loadavg()[0].toFixed(1)}`,
        method:
          `Built app (node backend/dist/main.js, LOG_LEVEL default info, stdout to /dev/null) on a fresh MariaDB database, ` +
          `${ATTENDEES.toLocaleString('en')} attendees; a door user's session cookie; autocannon ${CONNECTIONS} connections, ` +
          `each request one first-time scan of a distinct badge with its own nonce (a fresh forum day per round). Floor: bare ` +
          `node:http + mysql2 pool (16) in its own process, parsing the same body and INSERTing the same check_ins row. ` +
          `${WARM_UP_SECONDS} s warm-up each, then ${ROUNDS} alternating ${SECONDS} s rounds; medians; peak RSS is the app's.`,
      };
    };
    const result = entry('ours', 'this commit');
    if (other) {
      const commit = execSync('git rev-parse --short HEAD', { cwd: process.env.BENCH_COMPARE }).toString().trim();
      result.extra = { [`checkin-api-${label}`]: entry('other', `the build of ${label} at ${commit}, same run`) };
    }
    return result;
  } finally {
    for (const bench of [ours, other]) await bench?.pool.end();
    floor?.kill();
    for (const bench of [ours, other]) await bench?.app.kill();
  }
}

/** A built app (of repoRoot) on its own database, with ATTENDEES attendees in its forum. */
async function benchApp(repoRoot, url, nodeArgs) {
  const app = await startBenchApp({ repoRoot, databaseUrl: url, days: DAYS, nodeArgs });
  const pool = createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 4, timezone: 'Z' });
  await fillAttendees(pool, app.forum.id);
  return { url, app, pool };
}

async function checkStored({ app, pool }, rounds) {
  const [[{ n }]] = await pool.query(
    'SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ? AND admitted = 1 AND day IN (?) AND result = ?',
    [app.forum.id, DAYS.slice(1, ROUNDS + 1), 'admitted'],
  );
  // (Requests still in flight when a round stops are stored but not counted as answered.)
  const answered = rounds.reduce((sum, r) => sum + r.admitted, 0);
  if (Number(n) < answered || Number(n) > answered + CONNECTIONS * ROUNDS) {
    throw new Error(`answered ${answered} admissions but stored ${n}`);
  }
}

/** One autocannon run: every request scans the next badge (wrapping round) with a new nonce. */
async function load(url, cookie, day, seconds) {
  let next = 0;
  let admitted = 0;
  const prefix = `${day}-${Date.now().toString(36)}`;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    requests: [
      {
        setupRequest: (req) => {
          const n = next++;
          return {
            ...req,
            body: JSON.stringify({
              checkIns: [
                {
                  nonce: `${prefix}-${n}`,
                  badgeNumber: (n % ATTENDEES) + 1,
                  badgeVersion: 1,
                  day,
                  scannedAt: new Date().toISOString(),
                  door: `Door ${n % 4}`,
                  method: 'scan',
                  offline: false,
                },
              ],
            }),
          };
        },
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"admitted"')) admitted++;
        },
      },
    ],
  });
  return {
    rps: Math.round(result.requests.total / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    admitted,
  };
}

async function fillAttendees(pool, forumId) {
  const roles = ['attendee', 'attendee', 'attendee', 'presenter', 'press', 'vip', 'staff'];
  for (let start = 1; start <= ATTENDEES; start += 1000) {
    const rows = [];
    for (let b = start; b < Math.min(start + 1000, ATTENDEES + 1); b++) {
      rows.push([
        crypto.randomUUID(),
        forumId,
        roles[b % roles.length],
        `First${b}`,
        `Last${b}`,
        'ZA',
        'Gauteng',
        b,
        1,
        0,
        'confirmed',
      ]);
    }
    await pool.query(
      'INSERT INTO attendees (id, forumId, role, firstName, lastName, countryCode, region, badgeNumber, badgeVersion, badgeRevoked, status) VALUES ?',
      [rows],
    );
  }
  await pool.query('ANALYZE TABLE attendees, check_ins');
}

// The floor: the same request parsed and the same row inserted, nothing else.
const floorSource = `
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createPool } from 'mysql2/promise';
const pool = createPool({ uri: process.env.FLOOR_DB, connectionLimit: 16, timezone: 'Z' });
const sql = 'INSERT INTO check_ins (id, forumId, attendeeId, badgeNumber, badgeVersion, day, result, admitted, method, scannedAt, recordedAt, offline, door, staffUserId, nonce) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)';
const floorForum = randomUUID();
createServer((req, res) => {
  if (req.url === '/health') return res.end('ok');
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    try {
      const { checkIns: [s] } = JSON.parse(body);
      const now = new Date();
      await pool.execute(sql, [randomUUID(), floorForum, randomUUID(), s.badgeNumber, s.badgeVersion, s.day, 'admitted', s.method, new Date(s.scannedAt), now, s.offline ? 1 : 0, s.door, floorForum, s.nonce]);
      const out = JSON.stringify({ results: [{ nonce: s.nonce, result: 'admitted', admission: null }] });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
}).listen(Number(process.env.FLOOR_PORT), '127.0.0.1');
`;

function median(runs) {
  const mid = (key) => [...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return { rps: mid('rps'), p50: mid('p50'), p99: mid('p99'), cpuUs: mid('cpuUs'), dbCpuUs: mid('dbCpuUs') };
}
