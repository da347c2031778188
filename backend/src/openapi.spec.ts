import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApi } from './bootstrap';
import { repoRoot } from './paths';
import { createTestApp, type TestApp } from './test/test-app';

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the copy the frontend client is generated from (run `npm run api:generate` when it does not)', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'frontend', 'src', 'lib', 'api', 'openapi.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(buildOpenApi(t.app)))).toEqual(committed);
  });

  it('is served at /api/docs/openapi.json', async () => {
    const res = await t.anon().get('/api/docs/openapi.json').expect(200);
    expect(res.body.paths['/api/v1/forums']).toBeDefined();
    expect(res.body.paths['/api/health']).toBeDefined();
  });
});
