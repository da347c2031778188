import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '../test/test-app';
import { createTestApp } from '../test/test-app';
import { API_POLICY, DOCS_POLICY, pagePolicy } from './security-headers';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends a CSP header that forbids framing on API answers, errors and 404s alike', async () => {
    for (const [path, status] of [
      ['/api/v1/auth/setup', 200],
      ['/api/v1/auth/me', 401],
      ['/api/v1/no-such-thing', 404],
      ['/api/health', 200],
    ] as const) {
      const res = await t.anon().get(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.headers['content-security-policy']).toBe(API_POLICY);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(API_POLICY).toContain("default-src 'none'");
    expect(API_POLICY).toContain("frame-ancestors 'none'");
  });

  it('gives the API docs a policy Swagger UI runs under, the document fetched from this origin only', async () => {
    const html = await t.anon().get('/api/docs').expect(200);
    expect(html.text).toContain('swagger-ui-bundle.js');
    expect(html.headers['content-security-policy']).toBe(DOCS_POLICY);
    const json = await t.anon().get('/api/docs/openapi.json').expect(200);
    expect(json.headers['content-security-policy']).toBe(DOCS_POLICY);
    expect(DOCS_POLICY).toContain("script-src 'self';");
    expect(DOCS_POLICY).toContain("connect-src 'self'");
    expect(DOCS_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe(pagePolicy.name, () => {
  const page = (csp: string) =>
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${csp}"></head><body></body></html>`;

  it("sends the built pages' own meta policies as one header, merged, with frame-ancestors added", () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-build-'));
    writeFileSync(join(dir, 'index.html'), page("default-src 'self'; script-src 'self' 'sha256-AAA='; object-src 'none'"));
    mkdirSync(join(dir, 'agenda'));
    writeFileSync(join(dir, 'agenda', 'index.html'), page("default-src 'self'; script-src 'self' 'sha256-BBB='"));
    expect(pagePolicy(dir)).toBe(
      "default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; object-src 'none'; frame-ancestors 'none'",
    );
  });

  it('refuses to start with a page that has no policy (kit.csp turned off), and has none without a build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'df-build-'));
    expect(pagePolicy(dir)).toBeNull();
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script>alert(1)</script>');
    expect(() => pagePolicy(dir)).toThrow(/index.html in the frontend build carries no CSP <meta> tag/);
  });
});
