#!/usr/bin/env node
// Runs every suite (backend, frontend, e2e), then prints one line: "N passed, N failed, N skipped".
// Exits non-zero when any test failed, a suite could not run or ran out of time, or a test is focused.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'e2e', '.tmp', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** A suite (or the build) still running after this long is stopped and counted as a failure. */
const timeoutMinutes = Number(process.env.TEST_SUITE_TIMEOUT_MINUTES || 20);
if (!(timeoutMinutes > 0))
  throw new Error(`TEST_SUITE_TIMEOUT_MINUTES must be a positive number, not ${process.env.TEST_SUITE_TIMEOUT_MINUTES}`);

let running = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Children run in their own process group (so a timeout can stop all of them): pass the signal on.
    if (running) killGroup(running, 'SIGKILL');
    process.exit(130);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Runs a command in its own process group; resolves to 'ok', 'failed' or 'timed out'. */
function run(label, command, args, cwd = root, env = process.env) {
  process.stdout.write(`\n=== ${label} ===\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env, detached: true });
    running = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.stdout.write(`\n${label}: still running after ${timeoutMinutes} min (TEST_SUITE_TIMEOUT_MINUTES): stopping it\n`);
      // Jest workers, the apps e2e starts and their browsers are all in the group.
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, timeoutMinutes * 60_000);
    child.on('error', (error) => {
      process.stdout.write(`${label}: could not start ${command}: ${error.message}\n`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      running = null;
      resolve(timedOut ? 'timed out' : code === 0 ? 'ok' : 'failed');
    });
  });
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

function specFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.spec\.(ts|js|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Focused tests (`it.only`, `describe.only`, `fit`, `fdescribe`) make jest skip the rest of their
 * file and still exit 0, so a stray one would pass CI running a fraction of the tests. Vitest is told
 * not to allow them (--allowOnly=false); for jest the specs are read here. Lint forbids them too.
 */
function focusedTests() {
  const focus = /\b(?:describe|it|test)(?:\.\w+)*\.only\b|\b(?:fit|fdescribe|ftest)\s*\(/;
  const found = [];
  for (const dir of ['backend/src', 'e2e/specs']) {
    for (const file of specFiles(join(root, dir))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (focus.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  return found;
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
let skipped = 0;
let todo = 0;
const summary = [];

const focused = focusedTests();
if (focused.length) {
  process.stdout.write(
    `\nFocused tests (remove .only / fit / fdescribe; each counts as a failure):\n  ${focused.join('\n  ')}\n`,
  );
  failed += focused.length;
  summary.push(`focused: ${focused.length} failed`);
}

// --forceExit: a handle a test leaks (a socket, a timer) must not keep jest alive after its last test
// (without it jest only warns, and waits). Jest then always prints "Force exiting Jest: …": that line
// is not a leak found. `npm test -w backend` runs without it, for looking for one.
const jest = (out) => [
  '--experimental-vm-modules',
  join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--ci',
  '--forceExit',
  '--json',
  `--outputFile=${out}`,
];
const vitest = (out) => [
  'vitest',
  'run',
  '--allowOnly=false',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
];
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

// TEST_SUITES=frontend,e2e runs only the suites whose label contains one of those words.
const only = (process.env.TEST_SUITES ?? '').split(',').filter(Boolean);
const selected = only.length ? suites.filter((s) => only.some((word) => s.label.includes(word))) : suites;
if (only.length)
  process.stdout.write(`TEST_SUITES=${only.join(',')}: ${selected.map((s) => s.label).join(', ') || 'no suite'}\n`);
if (!selected.length) {
  failed += 1;
  summary.push(`TEST_SUITES=${only.join(',')}: names no suite`);
}

const started = Date.now();
let built = true;
// Only e2e needs the built app: a run of other suites alone skips the build.
if (!only.length || selected.some((s) => s.needsBuild)) {
  const build = await run('build (backend + frontend)', 'npm', ['run', 'build', '--silent']);
  built = build === 'ok';
  if (!built) {
    failed += 1;
    summary.push(`build: ${build}`);
  }
}

for (const suite of selected) {
  if (suite.needsBuild && !built) {
    process.stdout.write(`\n=== ${suite.label}: not run, the build failed ===\n`);
    failed += 1;
    summary.push(`${suite.label}: not run (build failed)`);
    continue;
  }
  const out = join(reports, `${suite.label.replace(/\W+/g, '-')}.json`);
  const suiteStarted = Date.now();
  const outcome = await run(suite.label, suite.cmd, suite.args(out), join(root, suite.cwd), suite.env);
  const took = `${Math.round((Date.now() - suiteStarted) / 1000)} s`;
  if (outcome === 'timed out') {
    // The report, if any, is from an earlier point or partial: the suite counts as one failure.
    process.stdout.write(`${suite.label}: timed out after ${timeoutMinutes} min, counted as a failure\n`);
    failed += 1;
    summary.push(`${suite.label}: timed out after ${timeoutMinutes} min`);
    continue;
  }
  if (!existsSync(out)) {
    process.stdout.write(`${suite.label}: the runner wrote no report\n`);
    failed += 1;
    summary.push(`${suite.label}: no report (${outcome})`);
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // A test file that fails to load has no failed test in it; count it so the run cannot look green.
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length;
  const suiteFailed =
    report.numFailedTests + brokenFiles + (outcome !== 'ok' && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  passed += report.numPassedTests;
  failed += suiteFailed;
  skipped += report.numPendingTests ?? 0;
  todo += report.numTodoTests ?? 0;
  summary.push(
    `${suite.label}: ${report.numPassedTests} passed, ${suiteFailed} failed, ${report.numPendingTests ?? 0} skipped, ${report.numTodoTests ?? 0} todo (${took})`,
  );
}

process.stdout.write(`\n=== summary (${Math.round((Date.now() - started) / 1000)} s) ===\n${summary.join('\n')}\n`);
if (todo) process.stdout.write(`todo: ${todo} (counted as skipped)\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped + todo} skipped\n`);
process.exit(failed > 0 ? 1 : 0);
