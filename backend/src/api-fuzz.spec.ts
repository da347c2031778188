import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fuzzApi } from './test/fuzz/api-fuzzer';
import { createTestApp, type TestApp } from './test/test-app';

// A bounded run in every `npm test`; `npm run fuzz` runs the same with FUZZ_RUNS=10000.
// FUZZ_SEED=<seed> repeats a run: the seed is printed with every failure.
const runs = Number(process.env.FUZZ_RUNS ?? 500);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

describe('API fuzz (every route of the OpenAPI document, every role)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
  });
  afterAll(() => t.close());

  it(
    `answers ${runs} generated requests with a 2xx or a 4xx in the one error shape, never a 5xx`,
    async () => {
      const report = await fuzzApi(t, runs, seed);
      const fivexx = Object.entries(report.byStatus)
        .filter(([status]) => Number(status) >= 500)
        .reduce((n, [, count]) => n + count, 0);
      process.stdout.write(
        `API fuzz: ${report.requests} requests, ${fivexx} 5xx, seed ${seed} (FUZZ_SEED=${seed} repeats it); ` +
          `${report.routesWith2xx} of ${report.routes} routes answered a 2xx; by status ${JSON.stringify(report.byStatus)}\n` +
          (process.env.FUZZ_VERBOSE ? `never a 2xx: ${report.never2xx.join(', ')}\n` : ''),
      );
      expect(report.requests).toBe(runs);
      expect({ seed, failures: report.failures }).toEqual({ seed, failures: [] });
    },
    Math.max(60_000, runs * 200),
  );
});
