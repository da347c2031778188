// door-data: what a door phone downloads for a forum day with 10,000 attendees, on MySQL/MariaDB.
// Ours: GET /api/v1/door/forums/:id/data?day= from the built app (node backend/dist/main.js) with a
// door user's cookie and `Accept-Encoding: br, gzip` — bytes over the wire and time to answer.
// Floor: the same tuples' JSON (as ours sends it, decompressed) gzip'd by zlib alone at its default
// level, and the time JSON.stringify + gzip take for it.
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createPool } from 'mysql2/promise';
import { startBenchApp } from './app-process.mjs';

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 10_000);
const RUNS = 15;
const DAY = '2027-04-08';

export default async function doorData({ freshDatabase, repoRoot }) {
  const require = createRequire(join(repoRoot, 'backend', 'package.json'));
  const { syntheticMembers } = require(join(repoRoot, 'backend', 'dist', 'seed', 'synthetic-register.js'));
  const url = await freshDatabase();
  const app = await startBenchApp({ repoRoot, databaseUrl: url, days: [DAY, '2027-04-09'] });
  const { port, door, forum } = app;
  const pool = createPool({ uri: url.replace(/^mariadb:/, 'mysql:'), connectionLimit: 4, timezone: 'Z' });
  try {
    await fill(pool, forum.id, syntheticMembers);

    const path = `/api/v1/door/forums/${forum.id}/data?day=${DAY}`;
    const fetchOnce = (encoding) => get(port, path, { cookie: door, 'accept-encoding': encoding });
    for (let i = 0; i < 3; i++) await fetchOnce('br, gzip');
    const ours = [];
    for (let i = 0; i < RUNS; i++) ours.push(await fetchOnce('br, gzip'));
    const gz = await fetchOnce('gzip');
    const last = ours.at(-1);
    if (last.encoding !== 'br' || gz.encoding !== 'gzip') throw new Error(`encodings ${last.encoding}/${gz.encoding}`);
    const data = JSON.parse(brotliDecompressSync(last.body).toString('utf8'));
    if (data.attendees.length !== ATTENDEES) throw new Error(`${data.attendees.length} attendees`);
    const rawBytes = Buffer.byteLength(JSON.stringify(data));
    if (gunzipSync(gz.body).length !== rawBytes) throw new Error('gzip and brotli bodies differ');

    const floorTimes = [];
    let floorBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      floorBytes = gzipSync(JSON.stringify(data)).length;
      floorTimes.push(performance.now() - start);
    }
    const oursKb = round(last.body.length / 1024);
    const floorKb = round(floorBytes / 1024);
    const oursMs = median(ours.map((r) => r.ms));
    return {
      unit: 'KB',
      better: 'lower',
      ours: oursKb,
      floor: floorKb,
      ratio: round(oursKb / floorKb),
      p95Ms: round(
        percentile(
          ours.map((r) => r.ms),
          0.95,
        ),
      ),
      target: '≤ 150 KB',
      notes:
        `${ATTENDEES} attendees; brotli ${oursKb} KB, gzip ${round(gz.body.length / 1024)} KB, raw JSON ${round(rawBytes / 1024)} KB; ` +
        `time to answer (query + build + compress) median ${round(oursMs)} ms, floor stringify+gzip ${round(median(floorTimes))} ms`,
      method:
        `${ATTENDEES.toLocaleString('en')} attendees (synthetic names, ZA provinces and abroad, members with phones, 10% with needs, ` +
        `a third already admitted) in a fresh MariaDB database; GET the day's door data from the built app with a door cookie ` +
        `and Accept-Encoding br, gzip; ${RUNS} requests after 3 warm-ups; size = compressed body bytes. Floor: the same JSON ` +
        `gzip'd by zlib alone (default level).`,
    };
  } finally {
    await pool.end();
    await app.kill();
  }
}

async function fill(pool, forumId, syntheticMembers) {
  const roles = ['attendee', 'attendee', 'attendee', 'attendee', 'presenter', 'press', 'vip', 'staff'];
  const needs = [null, null, null, null, null, null, null, null, null, '["wheelchair"]'];
  let members = [];
  let attendees = [];
  let checkIns = [];
  const flush = async () => {
    if (!members.length) return;
    await pool.query(
      'INSERT INTO members (id, firstName, lastName, email, phone, whatsapp, countryCode, region, preferredChannel, preferredLanguage, consentInvitations, consentUpdates, source, status) VALUES ?',
      [members],
    );
    await pool.query(
      'INSERT INTO attendees (id, forumId, memberId, role, firstName, lastName, countryCode, region, badgeNumber, badgeVersion, badgeRevoked, status, needs) VALUES ?',
      [attendees],
    );
    if (checkIns.length) {
      await pool.query(
        'INSERT INTO check_ins (id, forumId, attendeeId, badgeNumber, badgeVersion, day, result, admitted, method, scannedAt, recordedAt, offline, door, staffUserId, nonce) VALUES ?',
        [checkIns],
      );
    }
    members = [];
    attendees = [];
    checkIns = [];
  };
  let b = 0;
  for (const m of syntheticMembers(ATTENDEES, 5)) {
    b += 1;
    const memberId = crypto.randomUUID();
    const attendeeId = crypto.randomUUID();
    members.push([
      memberId,
      m.firstName,
      m.lastName,
      `${b}.${m.email}`,
      m.phone,
      m.whatsapp,
      m.countryCode,
      m.region,
      m.preferredChannel,
      m.preferredLanguage,
      1,
      1,
      'seed',
      'active',
    ]);
    attendees.push([
      attendeeId,
      forumId,
      memberId,
      roles[b % roles.length],
      m.firstName,
      m.lastName,
      m.countryCode,
      m.region,
      b,
      1 + (b % 7 === 0 ? 1 : 0),
      b % 50 === 0 ? 1 : 0,
      'confirmed',
      needs[b % needs.length],
    ]);
    if (b % 3 === 0) {
      const at = new Date(Date.UTC(2027, 3, 8, 6, 0) + b * 1000);
      checkIns.push([
        crypto.randomUUID(),
        forumId,
        attendeeId,
        b,
        1,
        DAY,
        'admitted',
        1,
        'scan',
        at,
        at,
        0,
        `Door ${b % 4}`,
        forumId,
        `seed-${b}`,
      ]);
    }
    if (members.length === 1000) await flush();
  }
  await flush();
}

function get(port, path, headers) {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${path}: ${res.statusCode}`));
        resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'], ms: performance.now() - start });
      });
    })
      .on('error', reject)
      .end();
  });
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const percentile = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * p))];
const round = (n) => Math.round(n * 100) / 100;
