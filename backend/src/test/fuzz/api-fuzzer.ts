import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'supertest';
import { buildOpenApi } from '../../bootstrap';
import type { TestApp } from '../test-app';
import { FuzzWorld, type Role } from './fuzz-world';
import { hostileStrings, type Schema, SchemaArbitraries } from './openapi-arbitraries';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: { name: string; in: string; schema?: Schema }[];
  body?: { type: string; schema?: Schema };
}

interface FuzzRequest {
  op: Operation;
  role: Role;
  url: string;
  body: { contentType: string; text: string } | { file: Buffer; name: string } | null;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  byStatus: Record<string, number>;
  /** Routes (method and path) that answered a 2xx at least once: how deep the run went. */
  routesWith2xx: number;
  routes: number;
  never2xx: string[];
  /** Answers that broke the contract: a 5xx, or a 4xx not in the one error shape. */
  failures: { request: string; status: number; body: string }[];
}

/** Every route of the OpenAPI document but the live stream, which never ends by design. */
export function operationsOf(doc: OpenAPIObject): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path.endsWith('/stream')) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {};
      const [type, media] = Object.entries(content)[0] ?? [];
      ops.push({
        method,
        path,
        params: (op.parameters ?? []) as Operation['params'],
        body: type ? { type, schema: media?.schema } : undefined,
      });
    }
  }
  return ops;
}

/** encodeURIComponent refuses lone surrogates; the fuzzer sends them as the raw bytes a client could. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function requests(doc: OpenAPIObject, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const dirty = new SchemaArbitraries(doc, world.pick);
  const clean = new SchemaArbitraries(doc, world.pick, true);
  const text = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  return fc.tuple(fc.constantFrom(...operationsOf(doc)), fc.boolean()).chain(([op, isClean]) => {
    const values = isClean ? clean : dirty;
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query');
    return fc
      .record({
        op: fc.constant(op),
        role: op.path.endsWith('/sign-out')
          ? fc.constant<Role>('anonymous')
          : fc.oneof(
              { weight: op.path.includes('/public/') ? 4 : 1, arbitrary: fc.constant<Role>('anonymous') },
              { weight: 4, arbitrary: fc.constant<Role>('organiser') },
              { weight: 2, arbitrary: fc.constantFrom<Role>('registrar', 'door') },
            ),
        path: fc.tuple(
          ...pathParams.map((p) => {
            const value = world.pick(p.name, op.path) ?? values.value(p.schema, p.name);
            return isClean ? value : fc.oneof({ weight: 3, arbitrary: value }, hostileStrings);
          }),
        ),
        query: fc.tuple(...queryParams.map((p) => fc.option(values.value(p.schema, p.name), { freq: 2 }))),
        extraQuery: isClean
          ? fc.constant(null)
          : fc.option(fc.tuple(fc.constantFrom('__proto__[x]', 'page', 'constructor', 'sort[]'), hostileStrings), { freq: 5 }),
        body: bodies(op, values, isClean),
      })
      .map(({ op, role, path, query, extraQuery, body }) => {
        let url = op.path;
        pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encode(text(path[i])))));
        const pairs: string[] = [];
        queryParams.forEach((p, i) => {
          const value = query[i];
          if (value === null) return;
          for (const item of Array.isArray(value) ? value : [value]) pairs.push(`${encode(p.name)}=${encode(text(item))}`);
        });
        if (extraQuery) pairs.push(`${encode(extraQuery[0])}=${encode(extraQuery[1])}`);
        return { op, role, url: pairs.length ? `${url}?${pairs.join('&')}` : url, body };
      });
  });
}

/** A body shaped by the route's schema (with junk in its parts), or hostile text the parser meets first. */
function bodies(op: Operation, values: SchemaArbitraries, isClean: boolean): fc.Arbitrary<FuzzRequest['body']> {
  const json = (text: string) => ({ contentType: 'application/json', text });
  const raw = fc.oneof(
    fc.constant(json('')),
    fc.constant(json('{"a":' + '['.repeat(3000) + ']'.repeat(3000) + '}')),
    fc.constant(json('{"__proto__":{"isAdmin":true}}')),
    fc.constant(json('{"constructor":{"prototype":{"isAdmin":true}}}')),
    fc.constant(json('{"email":"\\ud800"}')),
    fc.constant(json('{"a":1')),
    fc.constant(json('[]')),
    fc.constant(json('null')),
    fc.constant(json('"text"')),
    fc.constant({ contentType: 'text/plain', text: 'hello' }),
    fc.constant({ contentType: 'application/x-www-form-urlencoded', text: 'name=x&role=organiser' }),
  );
  if (!op.body) return isClean ? fc.constant(null) : fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, raw);
  if (op.body.type === 'multipart/form-data')
    return fc.oneof(
      fc.record({
        file: fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
        name: fc.constantFrom('members.csv', 'x.xlsx', 'a.exe', ''),
      }),
      fc.constant({
        file: Buffer.from('firstName,lastName,email,countryCode\nLineo,Ntšekhe,lineo@example.org,ZA\n'),
        name: 'members.csv',
      }),
      raw,
    );
  const shaped = values.value(op.body.schema, '').map((v) => json(JSON.stringify(v) ?? ''));
  if (isClean) return shaped;
  const withProtoKey = shaped.map((b) => (b.text.startsWith('{') ? json(`{"__proto__":{"x":1},${b.text.slice(1)}`) : b));
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: withProtoKey }, { weight: 1, arbitrary: raw });
}

async function send(world: FuzzWorld, req: FuzzRequest): Promise<Response> {
  const agent = world.agents.get(req.role)!;
  let call = agent[req.op.method](req.url).timeout(20_000);
  if (req.body && 'file' in req.body) call = call.attach('file', req.body.file, req.body.name || 'file');
  else if (req.body) call = call.set('content-type', req.body.contentType).send(req.body.text);
  return call;
}

/** What every answer must be: a 2xx, or a 4xx with the one error shape (ErrorBodyDto). */
function breach(res: Response): boolean {
  if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400)) return true;
  if (res.status < 400) return false;
  const b = res.body as Record<string, unknown>;
  const fieldsOk =
    b.fields === undefined ||
    (typeof b.fields === 'object' &&
      b.fields !== null &&
      Object.values(b.fields).every((m) => Array.isArray(m) && m.every((s) => typeof s === 'string')));
  return !(
    /application\/json/.test(String(res.headers['content-type'])) &&
    b.statusCode === res.status &&
    typeof b.error === 'string' &&
    typeof b.message === 'string' &&
    typeof b.correlationId === 'string' &&
    fieldsOk
  );
}

/**
 * Sends `runs` generated requests over every route, as every role, rebuilding the data now and
 * then (requests erase, revoke and sign out). Never stops at the first breach: the report lists one
 * example per route and status, with the seed that reproduces the run.
 */
export async function fuzzApi(t: TestApp, runs: number, seed: number, rebuildEvery = 150): Promise<FuzzReport> {
  const world = new FuzzWorld(t);
  await world.build();
  const doc = buildOpenApi(t.app);
  const routes = operationsOf(doc);
  const reached = new Set<string>();
  const report: FuzzReport = {
    seed,
    requests: 0,
    byStatus: {},
    failures: [],
    routesWith2xx: 0,
    routes: routes.length,
    never2xx: [],
  };
  const seen = new Set<string>();
  await fc.assert(
    fc.asyncProperty(requests(doc, world), async (req) => {
      if (report.requests > 0 && report.requests % rebuildEvery === 0) await world.build();
      else if (report.requests % 25 === 0) await world.collect();
      report.requests += 1;
      const res = await send(world, req);
      report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
      if (res.status < 300) reached.add(`${req.op.method} ${req.op.path}`);
      if (!breach(res)) return;
      const key = `${req.op.method} ${req.op.path} ${res.status}`;
      if (seen.has(key)) return;
      seen.add(key);
      const body = req.body && 'text' in req.body ? ` ${req.body.contentType} ${req.body.text.slice(0, 500)}` : '';
      report.failures.push({
        request: `${req.role} ${req.op.method.toUpperCase()} ${req.url.slice(0, 300)}${body}`,
        status: res.status,
        body: res.text.slice(0, 300),
      });
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  report.routesWith2xx = reached.size;
  report.never2xx = routes.map((op) => `${op.method} ${op.path}`).filter((key) => !reached.has(key));
  return report;
}
