import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { frontendBuildDir } from '../paths';
import { readPagePolicy, serializePolicy } from './page-policy';

/** No page of ours may be framed by another site (clickjacking); X-Frame-Options says it to old browsers. */
const NO_FRAMING = { 'frame-ancestors': ["'none'"] };

/** JSON, PDFs and calendars: nothing in them may run or load anything. */
export const API_POLICY = serializePolicy(
  new Map(Object.entries({ 'default-src': ["'none'"], ...NO_FRAMING, 'base-uri': ["'none'"], 'form-action': ["'none'"] })),
);

/**
 * Swagger UI at /api/docs: its own scripts and stylesheet, inline styles (it sets style attributes),
 * data: icons, and the document fetched from this origin only, so `?url=` cannot load a foreign one.
 */
export const DOCS_POLICY = serializePolicy(
  new Map(
    Object.entries({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      ...NO_FRAMING,
    }),
  ),
);

/** The policy every answer outside /api gets: the pages' own, plus what a <meta> tag cannot say. */
export function pagePolicy(buildDir = frontendBuildDir): string | null {
  const page = readPagePolicy(buildDir);
  if (!page) return null;
  page.set('frame-ancestors', new Set(NO_FRAMING['frame-ancestors']));
  return serializePolicy(page);
}

export function policyFor(url: string, page: string | null): string {
  if (url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs?')) return DOCS_POLICY;
  if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') || page === null) return API_POLICY;
  return page;
}

/**
 * Helmet's headers on every answer, X-Frame-Options DENY, and a Content-Security-Policy header chosen by
 * path (pages, API docs, the rest of the API), set before routing so 404s and errors carry it too.
 */
export async function sendSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const page = pagePolicy();
  await app.register(helmet, { contentSecurityPolicy: false, xFrameOptions: { action: 'deny' } });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => {
      void reply.header('Content-Security-Policy', policyFor(req.url, page));
      done();
    });
}
