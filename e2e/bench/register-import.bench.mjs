// register-import: a 100,000-row CSV (seed generator) imported into a fresh MySQL/MariaDB register.
// Ours: ImportService from the built backend, as the API runs it: upload (header, mapping guess),
// dry run (every row normalised and checked for duplicates) and commit (checked again, inserted in one
// transaction), each reading the file as a stream. It runs in a child process of its own, so its
// peak RSS is its own. Floor: the same rows (members and their sectors) loaded into a second fresh
// database with the same schema by plain mysql2 multi-row INSERTs of 1,000 rows, in one transaction.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const WARM_UP_ROWS = 5_000;
const ROUNDS = 3;
const ROWS_PER_INSERT = 1000;
const repoRoot = join(import.meta.dirname, '..', '..');
const dist = join(repoRoot, 'backend', 'dist');
const require = createRequire(join(repoRoot, 'backend', 'package.json'));

export default async function registerImport({ freshDatabase }) {
  const { syntheticMembers } = require(join(dist, 'seed', 'synthetic-register.js'));
  const dir = mkdtempSync(join(tmpdir(), 'df-bench-import-'));
  try {
    const csv = join(dir, 'register.csv');
    const warmCsv = join(dir, 'warm-up.csv');
    await writeCsv(csv, syntheticMembers(ROWS));
    await writeCsv(warmCsv, syntheticMembers(WARM_UP_ROWS, 7));

    await runOurs(await freshDatabase(), warmCsv, dir);
    await runFloor(await freshDatabase(), syntheticMembers(WARM_UP_ROWS, 7));

    const ours = [];
    const floor = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(await runOurs(await freshDatabase(), csv, dir));
      floor.push(await runFloor(await freshDatabase(), syntheticMembers(ROWS)));
    }
    const oursRate = median(ours.map((r) => ROWS / r.seconds));
    const floorRate = median(floor.map((seconds) => ROWS / seconds));
    const last = ours.at(-1);
    return {
      unit: 'rows/s',
      ours: Math.round(oursRate),
      floor: Math.round(floorRate),
      ratio: round(oursRate / floorRate),
      better: 'higher',
      peakRssMb: Math.max(...ours.map((r) => r.maxRssMb)),
      target: '≥25% of floor, RSS < 400 MB',
      notes:
        `${ROWS} rows: ${last.imported} imported, ${last.duplicates} duplicates, ${last.errors} errors; ` +
        `median ${round(median(ours.map((r) => r.seconds)))} s ours (upload ${round(median(ours.map((r) => r.uploadSeconds)))}, ` +
        `dry run ${round(median(ours.map((r) => r.previewSeconds)))}, commit ${round(median(ours.map((r) => r.commitSeconds)))}), ` +
        `${round(median(floor))} s floor`,
      method:
        `${ROWS.toLocaleString('en')}-row CSV from the seed generator (13 columns, E.164 phones, country codes). Ours: ` +
        `ImportService from backend/dist in a child process on a fresh MariaDB database migrated by the app: upload + ` +
        `dry run + commit, each streaming the file in chunks of 1,000 rows (normaliseMember, in-file and register ` +
        `duplicates by indexed email/phone lookups per chunk, members and sectors by multi-row INSERTs of 250 in one ` +
        `transaction); peak RSS is that child's maxRSS. ` +
        `Floor: the same generated rows (members and sectors) into a second fresh database with the same schema, mysql2 ` +
        `multi-row INSERTs of ${ROWS_PER_INSERT}, one transaction. A ${WARM_UP_ROWS.toLocaleString('en')}-row warm-up of ` +
        `each, then ${ROUNDS} alternating rounds; medians; rows/s = file rows ÷ seconds.`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ours, in a fresh process: the result of childMain() below. */
function runOurs(url, csv, dir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), url, csv, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line?.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`our import failed (exit ${code}):\n${out}`));
    });
  });
}

async function childMain(url, csv, parentDir) {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(join(dist, 'app.module.js'));
  const { loadConfig } = require(join(dist, 'config', 'app-config.js'));
  const { ImportService } = require(join(dist, 'register', 'import', 'import.service.js'));
  const dataDir = mkdtempSync(join(parentDir, 'data-'));
  const config = loadConfig({
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-0',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const imports = app.get(ImportService);
    const organiser = { id: randomUUID(), email: 'bench@example.org', name: 'Bench', role: 'organiser', countries: [] };
    // What multer would have left on disk.
    const uploaded = join(dataDir, 'uploaded.csv');
    copyFileSync(csv, uploaded);
    const t0 = performance.now();
    const { batch } = await imports.upload(organiser, { path: uploaded, originalname: 'register.csv' });
    const t1 = performance.now();
    const preview = await imports.preview(organiser, batch.id, { mapping: batch.mapping });
    const t2 = performance.now();
    const committed = await imports.commit(organiser, batch.id, { invitations: false, updates: false });
    const t3 = performance.now();
    if (committed.rowCount !== preview.batch.rowCount || committed.importedCount !== preview.batch.validCount)
      throw new Error(`the commit disagrees with the dry run: ${JSON.stringify(committed)}`);
    return {
      seconds: (t3 - t0) / 1000,
      uploadSeconds: (t1 - t0) / 1000,
      previewSeconds: (t2 - t1) / 1000,
      commitSeconds: (t3 - t2) / 1000,
      imported: committed.importedCount,
      duplicates: committed.duplicateCount,
      errors: committed.errorCount,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await app.close();
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
];

/** The floor: plain multi-row INSERTs of the generated rows; returns seconds (the schema is made before timing). */
async function runFloor(url, members) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(join(dist, 'database', 'data-source-options.js'));
  const migrate = new DataSource(dataSourceOptions({ type: 'mysql', url }));
  await migrate.initialize();
  await migrate.destroy();
  const rows = [...members];
  const conn = await createConnection({ uri: url.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' });
  try {
    const start = performance.now();
    const batchId = randomUUID();
    await conn.beginTransaction();
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const members = [];
      const sectors = [];
      for (const s of rows.slice(i, i + ROWS_PER_INSERT)) {
        const id = randomUUID();
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
          null,
          null,
          false,
          false,
          'import',
          batchId,
          'active',
          null,
          null,
        ]);
        for (const sector of s.sectors) sectors.push([id, sector]);
      }
      await conn.query(`INSERT INTO members (${memberColumns.join(', ')}) VALUES ?`, [members]);
      await conn.query('INSERT INTO member_sectors (memberId, sector) VALUES ?', [sectors]);
    }
    await conn.commit();
    return (performance.now() - start) / 1000;
  } finally {
    await conn.end();
  }
}

const header = [
  'First name',
  'Surname',
  'Email',
  'Cell',
  'WhatsApp',
  'Country',
  'Province',
  'City',
  'Occupation',
  'Sectors',
  'Preferred channel',
  'Language',
  'Consent',
];

async function writeCsv(path, members) {
  const out = createWriteStream(path);
  const cell = (v) =>
    v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  out.write(`${header.join(',')}\n`);
  for (const m of members) {
    const line = [
      m.firstName,
      m.lastName,
      m.email,
      m.phone,
      m.whatsapp,
      m.countryCode,
      m.region,
      m.city,
      m.occupation,
      m.sectors.join(';'),
      m.preferredChannel,
      m.preferredLanguage,
      m.consent ? 'yes' : 'no',
    ]
      .map(cell)
      .join(',');
    if (!out.write(`${line}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
  await finished(out);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(n) {
  return Math.round(n * 100) / 100;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [url, csv, dir] = process.argv.slice(2);
  childMain(url, csv, dir).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
