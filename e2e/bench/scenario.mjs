// Runs one scenario module in this process and prints its result as the last line of stdout (JSON).
// A scenario: `export default async function (ctx) { return { unit, ours, floor, better, ... } }`
// with ctx = { mysqlUrl, freshDatabase(), repoRoot }. It must run ours and floor in the same run.
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

const name = process.argv[2];
const repoRoot = join(import.meta.dirname, '..', '..');
const base = new URL(process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/df_bench');
const created = [];

/** A new empty database beside BENCH_DATABASE_URL's; dropped when the scenario ends. */
async function freshDatabase() {
  const dbName = `${base.pathname.slice(1)}_${name.replace(/\W/g, '_')}_${Date.now().toString(36)}`;
  const server = new URL(base);
  server.pathname = '/';
  const conn = await createConnection({ uri: server.toString().replace(/^mariadb:/, 'mysql:') });
  await conn.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  created.push(dbName);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  return url.toString();
}

async function dropCreated() {
  const server = new URL(base);
  server.pathname = '/';
  const conn = await createConnection({ uri: server.toString().replace(/^mariadb:/, 'mysql:') });
  for (const db of created) await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await conn.end();
}

try {
  const scenario = await import(join(import.meta.dirname, `${name}.bench.mjs`));
  const result = await scenario.default({ freshDatabase, repoRoot, mysqlUrl: base.toString() });
  console.log(JSON.stringify(result));
} finally {
  await dropCreated();
}
process.exit(0);
