import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { redactUrl } from './logging/logger';
import { repoRoot } from './paths';
import { createTestApp, type TestApp } from './test/test-app';

/** A parameter holds a secret when its name says so; these few say "key" and are not secrets (staff-only, not personal). */
const SECRET_PARAM = /token|secret|code|key/i;
const NOT_SECRET = new Set(['/api/v1/register/targets/:key']);
const SAMPLE = 'Zx8_kq2-8f9s0dkfj3k2l1mQ7wE9rT5yU1iO3pA6sD4';

/** Every route path Fastify serves, from its route table (printRoutes draws it as a tree of path pieces). */
function routePaths(tree: string): string[] {
  const stack: { depth: number; path: string }[] = [];
  const paths: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^(.*?[├└]── )?(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]?.length ?? 0;
    while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
    const path = (stack.at(-1)?.path ?? '') + match[2];
    stack.push({ depth, path });
    if (match[3]) paths.push(path);
  }
  return paths;
}

/** The SvelteKit pages whose folder is a token (`routes/rsvp/[token]`), as URL paths. */
function tokenPages(dir = join(repoRoot, 'frontend', 'src', 'routes')): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = join(dir, entry.name);
    if (SECRET_PARAM.test(entry.name) && entry.name.startsWith('[')) {
      pages.push(
        '/' +
          relative(join(repoRoot, 'frontend', 'src', 'routes'), full)
            .split(sep)
            .join('/'),
      );
    }
    pages.push(...tokenPages(full));
  }
  return pages;
}

describe('token-bearing routes', () => {
  let t: TestApp;
  let paths: string[];
  beforeAll(async () => {
    t = await createTestApp();
    paths = routePaths(t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
  });
  afterAll(() => t.close());

  const withSample = (path: string) => path.replace(/:[A-Za-z]+|\[[A-Za-z]+\]/g, (p) => (SECRET_PARAM.test(p) ? SAMPLE : 'x'));

  it('reads the router: the known token routes are among its routes', () => {
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/public/rsvp/:token', '/api/v1/public/nominations/response/:token/confirm']),
    );
  });

  it('redacts the token of every API route whose path carries one, from the router itself', () => {
    const tokenRoutes = paths.filter(
      (p) => !NOT_SECRET.has(p) && p.split('/').some((s) => s.startsWith(':') && SECRET_PARAM.test(s)),
    );
    expect(tokenRoutes.length).toBeGreaterThanOrEqual(7);
    const leaking = tokenRoutes.filter((p) => redactUrl(withSample(p) + '?lang=st').includes(SAMPLE));
    expect(leaking).toEqual([]);
  });

  it('redacts the token of every page whose address carries one (the page paths are logged too)', () => {
    const pages = tokenPages();
    expect(pages).toEqual(
      expect.arrayContaining(['/rsvp/[token]', '/me/[token]', '/nomination/[token]', '/register/confirm/[token]']),
    );
    expect(pages.filter((p) => redactUrl(withSample(p)).includes(SAMPLE))).toEqual([]);
  });

  it('leaves paths without a token readable', () => {
    expect(redactUrl('/api/v1/public/me/link')).toBe('/api/v1/public/me/link');
    expect(redactUrl('/api/v1/forums/0b5c9e0e-2b1f-4f57-9d8e-4c1f0e2a7b11/campaigns')).toContain('0b5c9e0e');
  });
});
