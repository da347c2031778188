#!/usr/bin/env node
// npm run bench [-- NAME]: runs each scenario (e2e/bench/NAME.bench.mjs) in its own process, so
// peak memory is its own, prints `scenario | ours | floor | ratio | p95/p99 | peak RSS`, and merges
// the figures into e2e/bench/results.json and e2e/bench/RESULTS.md. See ../shared/BENCH.md.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv[2];
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace('.bench.mjs', ''))
  .filter((n) => !only || n === only);
if (!names.length) {
  console.error(only ? `No scenario named ${only}` : 'No scenarios in e2e/bench');
  process.exit(2);
}
if (!existsSync(join(dir, '..', '..', 'backend', 'dist', 'main.js'))) {
  console.error('Build first: npm run build');
  process.exit(2);
}

const resultsFile = join(dir, 'results.json');
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
const commit = execSync('git rev-parse --short HEAD').toString().trim();
const at = new Date().toISOString();

for (const name of names) {
  process.stdout.write(`\n--- ${name}\n`);
  const child = spawnSync(process.execPath, ['--expose-gc', join(dir, 'scenario.mjs'), name], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const line = child.stdout.trim().split('\n').at(-1);
  if (child.status !== 0 || !line?.startsWith('{')) {
    console.error(`${name} failed (exit ${child.status})\n${child.stdout}`);
    continue;
  }
  // A scenario may measure a second path in the same run (`extra`: more entries by name).
  const { extra = {}, ...row } = JSON.parse(line);
  for (const [key, r] of Object.entries({ [name]: row, ...extra })) {
    results[key] = { ...r, ratio: r.ratio ?? round(r.ours / r.floor), at, commit };
  }
}
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');

const header =
  '| scenario | unit | ours | floor | ratio | better | p95/p99 ms | peak RSS MB | target | notes |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
const rows = Object.entries(results).map(
  ([name, r]) =>
    `| ${name} | ${r.unit} | ${r.ours} | ${r.floor} | ${r.ratio} | ${r.better ?? ''} | ${[r.p95Ms, r.p99Ms].filter((v) => v !== undefined).join(' / ')} | ${r.peakRssMb ?? ''} | ${r.target ?? ''} | ${r.notes ?? ''} |`,
);
const table = [header, ...rows].join('\n');
console.log(`\n${table}`);
writeFileSync(
  join(dir, 'RESULTS.md'),
  `# Benchmark results\n\nLatest run: ${at}, commit ${commit}, on ${cpus().length} cores and ${Math.round(totalmem() / 2 ** 30)} GiB ` +
    `(\`npm run bench\`; medians; ratio = ours ÷ floor in the scenario's unit).\n\n${table}\n\n## How each is measured\n\n` +
    Object.entries(results)
      .map(([name, r]) => `- **${name}**: ${r.method ?? ''}`)
      .join('\n') +
    '\n',
);

function round(n) {
  return Math.round(n * 100) / 100;
}
