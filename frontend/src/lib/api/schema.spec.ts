// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

describe('generated API types', () => {
  it('are up to date with openapi.json (run `npm run api:generate` when they are not)', async () => {
    const spec = JSON.parse(readFileSync(join(import.meta.dirname, 'openapi.json'), 'utf8'));
    const expected = COMMENT_HEADER + astToString(await openapiTS(spec, { silent: true }));
    expect(readFileSync(join(import.meta.dirname, 'schema.d.ts'), 'utf8')).toBe(expected);
  });
});
