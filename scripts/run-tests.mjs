#!/usr/bin/env node
// Runs every suite (backend, frontend, e2e), then prints one line: "N passed, N failed".
// Exits non-zero when any test failed or a suite could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'e2e', '.tmp', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(label, command, args, cwd = root, env = process.env) {
  process.stdout.write(`\n=== ${label} ===\n`);
  return spawnSync(command, args, { cwd, stdio: 'inherit', env }).status === 0;
}

function answers(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

// Say up front what is missing, so a failure further down is not a puzzle.
const mysqlUrl = new URL(process.env.TEST_DATABASE_URL || 'mariadb://root@127.0.0.1:3306/df_test');
const missing = [];
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))
  missing.push('Chromium (apt-get install chromium) for the browser tests');
if (!(await answers(mysqlUrl.hostname, Number(mysqlUrl.port || 3306)))) {
  missing.push(`MySQL/MariaDB at ${mysqlUrl.host} for the MySQL tests (start it or set TEST_DATABASE_URL; see README)`);
}
if (missing.length) process.stdout.write(`Missing: ${missing.join('; ')}. Those tests will fail; .ci/run sets both up.\n`);

let passed = 0;
let failed = 0;
const built = run('build (backend + frontend)', 'npm', ['run', 'build', '--silent']);
if (!built) failed += 1;

const jest = (out) => [
  '--experimental-vm-modules',
  join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--json',
  `--outputFile=${out}`,
];
const vitest = (out) => ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
// Backend and e2e run on SQLite (the embedded default) and, when TEST_DATABASE_URL is set, on MySQL too.
const sqlite = { ...process.env, TEST_DATABASE_URL: '' };
const databases = process.env.TEST_DATABASE_URL
  ? [
      ['mysql', process.env],
      ['sqlite', sqlite],
    ]
  : [['sqlite', sqlite]];
const suites = [
  ...databases.map(([db, env]) => ({ label: `backend (${db})`, cwd: 'backend', cmd: process.execPath, args: jest, env })),
  { label: 'frontend', cwd: 'frontend', cmd: 'npx', args: vitest, env: process.env },
  ...databases.map(([db, env]) => ({
    label: `e2e (${db})`,
    cwd: 'e2e',
    cmd: process.execPath,
    args: jest,
    env,
    needsBuild: true,
  })),
];

for (const suite of suites) {
  if (suite.needsBuild && !built) {
    process.stdout.write(`\n=== ${suite.label}: not run, the build failed ===\n`);
    failed += 1;
    continue;
  }
  const out = join(reports, `${suite.label.replace(/\W+/g, '-')}.json`);
  const ok = run(suite.label, suite.cmd, suite.args(out), join(root, suite.cwd), suite.env);
  if (!existsSync(out)) {
    process.stdout.write(`${suite.label}: the runner wrote no report\n`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // A test file that fails to load has no failed test in it; count it so the run cannot look green.
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length;
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles;
  if (!ok && report.numFailedTests + brokenFiles === 0) failed += 1;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
