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

function run(label, command, args, cwd = root) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

const missing = [];
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))
  missing.push('Chromium (apt-get install chromium) for the browser tests');
if (missing.length) process.stdout.write(`Missing: ${missing.join('; ')}. Those tests will fail; .ci/run installs it.\n`);

let passed = 0;
let failed = 0;
const built = run('build (backend + frontend)', 'npm', ['run', 'build', '--silent']);
if (!built) failed += 1;

const jest = ['--experimental-vm-modules', join(root, 'node_modules', 'jest', 'bin', 'jest.js')];
const suites = [
  {
    label: 'backend',
    cwd: 'backend',
    cmd: process.execPath,
    args: (out) => [...jest, '--json', `--outputFile=${out}`],
    needsBuild: false,
  },
  {
    label: 'frontend',
    cwd: 'frontend',
    cmd: 'npx',
    args: (out) => ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    needsBuild: false,
  },
  {
    label: 'e2e',
    cwd: 'e2e',
    cmd: process.execPath,
    args: (out) => [...jest, '--json', `--outputFile=${out}`],
    needsBuild: true,
  },
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
    process.stdout.write(`${suite.label}: the runner wrote no report (exit ${ok ? 0 : 'non-zero'})\n`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load counts no test as failed; count it so the run cannot look green.
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length;
  failed += brokenFiles;
  if (!ok && report.numFailedTests === 0 && brokenFiles === 0) failed += 1;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
