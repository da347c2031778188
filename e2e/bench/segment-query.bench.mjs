// segment-query: the member list's query on a register of 150,000 synthetic members (MySQL/MariaDB).
// Ours: SegmentQueryService.page() from the built backend (TypeORM query builder: first page of 50
// sorted by name with its sectors, and the total count, run in parallel as the API runs them).
// Floor: the same three statements written by hand and run through a bare mysql2 pool, also in
// parallel. Filter: country ZA + region Gauteng + sector health + consent to invitations.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPool } from 'mysql2/promise';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 150_000);
const ROWS_PER_INSERT = 1000;
const WARM_UP = 50;
const RUNS = 400;
const filter = { countries: ['ZA'], regions: ['Gauteng'], sectors: ['health'], consentInvitations: true };
const PAGE_SIZE = 50;

export default async function segmentQuery({ freshDatabase, repoRoot }) {
  const dist = join(repoRoot, 'backend', 'dist');
  const require = createRequire(join(repoRoot, 'backend', 'package.json'));
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(join(dist, 'app.module.js'));
  const { loadConfig } = require(join(dist, 'config', 'app-config.js'));
  const { SegmentQueryService } = require(join(dist, 'register', 'segments', 'segment-query.service.js'));
  const { syntheticMembers } = require(join(dist, 'seed', 'synthetic-register.js'));

  const url = await freshDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'df-bench-'));
  // Booting the app context runs the real migrations, so the schema and indexes are ours.
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(
      loadConfig({
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        APP_SECRET: 'bench-secret-bench-secret-bench-secret-0',
        LOG_LEVEL: 'silent',
      }),
    ),
    { logger: false },
  );
  const pool = createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 16, timezone: 'Z' });
  let peakRss = 0;
  const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  try {
    const fillMs = await fill(pool, syntheticMembers);
    // On a shared machine the other processes' load explains much of the absolute figures.
    const load = loadavg()[0].toFixed(1);
    await pool.query('ANALYZE TABLE members, member_sectors');
    sampleRss();

    const segments = app.get(SegmentQueryService);
    const organiser = { id: randomUUID(), email: 'bench@example.org', name: 'Bench', role: 'organiser', countries: [] };
    const ours = async () => segments.page(organiser, filter, { page: 1, pageSize: PAGE_SIZE, sort: 'name' });
    const floor = () => floorPage(pool);

    // Both must find the same people before either is timed.
    const [a, b] = [await ours(), await floor()];
    if (a.total !== b.total || a.items.map((m) => m.id).join() !== b.items.map((m) => m.id).join()) {
      throw new Error(`ours and the floor disagree: ${a.total} vs ${b.total}`);
    }
    for (let i = 0; i < WARM_UP; i++) await Promise.all([ours(), floor()]);
    const times = { ours: [], floor: [] };
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always gets the warmer cache.
      for (const name of i % 2 ? ['ours', 'floor'] : ['floor', 'ours']) {
        const start = performance.now();
        await (name === 'ours' ? ours() : floor());
        times[name].push(performance.now() - start);
      }
      if (i % 50 === 0) sampleRss();
    }
    const o = stats(times.ours);
    const f = stats(times.floor);
    const plan = await explain(pool);
    return {
      unit: 'ms (p95)',
      ours: o.p95,
      floor: f.p95,
      ratio: round(o.p95 / f.p95),
      better: 'lower',
      p95Ms: o.p95,
      p99Ms: o.p99,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      target: 'p95 < 50 ms',
      notes: `${MEMBERS} members (filled in ${Math.round(fillMs / 1000)} s); total ${a.total}; median ours ${o.p50} ms, floor ${f.p50} ms; load average ${load}`,
      method:
        `${MEMBERS.toLocaleString('en')} synthetic members (seed generator) in a fresh MariaDB database migrated by the app, ` +
        `multi-row INSERTs of ${ROWS_PER_INSERT}, then ANALYZE. Query: country ZA + region Gauteng + sector health + ` +
        `consent to invitations, first page of ${PAGE_SIZE} by name with sectors, plus the total count. Ours: ` +
        `SegmentQueryService.page() (TypeORM query builder; page and count in parallel). Floor: the same SELECT, COUNT(*) ` +
        `and sector lookup by hand through a mysql2 pool, page and count in parallel. ${WARM_UP} warm-up rounds, then ` +
        `${RUNS} alternating runs each; p95 reported. Plan: ${plan}`,
    };
  } finally {
    await pool.end();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const memberColumns = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'whatsapp',
  'countryCode',
  'region',
  'city',
  'occupation',
  'preferredChannel',
  'preferredLanguage',
  'consentAt',
  'consentMethod',
  'consentInvitations',
  'consentUpdates',
  'source',
  'sourceBatchId',
  'status',
  'mergedIntoId',
  'createdById',
  'createdAt',
  'updatedAt',
];

/** Fills the register with multi-row INSERTs (members and their sectors); returns the time taken. */
async function fill(pool, syntheticMembers) {
  const start = performance.now();
  const twoYears = 2 * 365 * 86_400_000;
  const now = Date.now();
  let members = [];
  let sectors = [];
  const flush = async () => {
    if (!members.length) return;
    await pool.query(`INSERT INTO members (${memberColumns.join(', ')}) VALUES ?`, [members]);
    await pool.query('INSERT INTO member_sectors (memberId, sector) VALUES ?', [sectors]);
    members = [];
    sectors = [];
  };
  let i = 0;
  for (const s of syntheticMembers(MEMBERS)) {
    const id = randomUUID();
    const createdAt = new Date(now - twoYears + Math.floor((i++ / MEMBERS) * twoYears));
    members.push([
      id,
      s.firstName,
      s.lastName,
      s.email,
      s.phone,
      s.whatsapp,
      s.countryCode,
      s.region,
      s.city,
      s.occupation,
      s.preferredChannel,
      s.preferredLanguage,
      s.consent ? createdAt : null,
      s.consent ? 'paper_form' : null,
      s.consent,
      s.consent,
      'seed',
      null,
      'active',
      null,
      null,
      createdAt,
      createdAt,
    ]);
    for (const sector of s.sectors) sectors.push([id, sector]);
    if (members.length === ROWS_PER_INSERT) await flush();
  }
  await flush();
  return performance.now() - start;
}

const where = `m.status IN ('active', 'pending_confirmation') AND m.countryCode IN ('ZA') AND m.region IN ('Gauteng')
  AND EXISTS (SELECT 1 FROM member_sectors ms WHERE ms.memberId = m.id AND ms.sector IN ('health'))
  AND m.consentInvitations = 1`;
const pageSql = `SELECT m.* FROM members m WHERE ${where} ORDER BY m.lastName, m.firstName, m.id LIMIT ${PAGE_SIZE}`;
const countSql = `SELECT COUNT(*) AS total FROM members m WHERE ${where}`;

/** The same page, count and sectors, by hand. */
async function floorPage(pool) {
  const [[items], [[{ total }]]] = await Promise.all([pool.query(pageSql), pool.query(countSql)]);
  if (items.length) {
    const [rows] = await pool.query('SELECT memberId, sector FROM member_sectors WHERE memberId IN (?)', [
      items.map((m) => m.id),
    ]);
    const byMember = new Map();
    for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
    for (const m of items) m.sectors = byMember.get(m.id) ?? [];
  }
  return { items, total: Number(total) };
}

/** The access paths MariaDB chooses for the page and the count, in a few words, for the method line. */
async function explain(pool) {
  return `page: ${await plan(pool, pageSql)} | count: ${await plan(pool, countSql)}`;
}

async function plan(pool, sql) {
  const [rows] = await pool.query(`EXPLAIN ${sql}`);
  return rows
    .map((r) => `${r.table}: ${r.type}${r.key ? ` via ${r.key}` : ''} (~${r.rows} rows${r.Extra ? `, ${r.Extra}` : ''})`)
    .join('; ');
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function round(n) {
  return Math.round(n * 100) / 100;
}
