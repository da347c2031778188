// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Keeps the console's contract with the API the compiler's business: requests go through the
// generated client (client.ts), API shapes and enums come from schema.d.ts (`Schemas['…']`) or from
// @diaspora-forum/lists, and nothing restates them by hand or casts the checks away.
const src = join(import.meta.dirname, '..', '..');
const self = relative(src, import.meta.filename);
/** SvelteKit's own idiom for the service worker's global (its docs); nothing of the API. */
const allowedCasts = ['service-worker.ts: const worker = self as unknown as ServiceWorkerGlobalScope;'];

const sources = (readdirSync(src, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => /\.(ts|svelte)$/.test(file) && !file.endsWith('.d.ts') && file !== self)
  .map((file) => ({ file, text: readFileSync(join(src, file), 'utf8') }));

const spec = JSON.parse(readFileSync(join(import.meta.dirname, 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses?: unknown; requestBody?: unknown }>>;
  components: { schemas: Record<string, { enum?: unknown[]; properties?: Record<string, unknown> }> };
};

/** The schemas found under `part` of the operations (directly or inside another). */
function schemasIn(part: 'responses' | 'requestBody'): Set<string> {
  const names = new Set<string>();
  const refs = (node: unknown): string[] => JSON.stringify(node ?? null).match(/(?<=#\/components\/schemas\/)\w+/g) ?? [];
  const queue = Object.values(spec.paths).flatMap((ops) => Object.values(ops).flatMap((op) => refs(op[part])));
  for (let name = queue.pop(); name; name = queue.pop()) {
    if (names.has(name)) continue;
    names.add(name);
    queue.push(...refs(spec.components.schemas[name]));
  }
  return names;
}
const enums = Object.entries(spec.components.schemas)
  .filter(([, s]) => Array.isArray(s.enum) && s.enum.length > 1)
  .map(([name, s]) => ({ name, key: [...new Set(s.enum!.map(String))].sort().join('|') }));
// Only what the API answers with and takes from no one: a form's own value (strings for its inputs,
// '' for none) has the fields of the request it sends by nature.
const [responses, requests] = [schemasIn('responses'), schemasIn('requestBody')];
const objects = Object.entries(spec.components.schemas)
  .filter(([name, s]) => responses.has(name) && !requests.has(name) && s.properties && Object.keys(s.properties).length >= 3)
  .map(([name, s]) => ({ name, props: Object.keys(s.properties!) }));

type Finding = { at: number; what: string };

/** `as never` anywhere; `as unknown as` (a cast through anything). */
const casts = (text: string): Finding[] =>
  [...text.matchAll(/^.*\bas\s+(never|unknown\s+as)\b.*$/gm)].map((m) => ({ at: m.index, what: m[0].trim() }));

/** A request to the API built by hand instead of through the generated client. */
const handFetches = (text: string): Finding[] =>
  [...text.matchAll(/\bfetch\(\s*[`'"]\/api\//g)].map((m) => ({ at: m.index, what: m[0] }));

/** A `'a' | 'b'` union or `['a', 'b']` list holding exactly an API enum's values. */
function enumCopies(text: string): Finding[] {
  const word = String.raw`'[\w-]+'`;
  const lists = [
    ...text.matchAll(new RegExp(String.raw`${word}(?:\s*\|\s*${word})+`, 'g')),
    ...text.matchAll(new RegExp(String.raw`\[\s*${word}(?:\s*,\s*${word})+\s*,?\s*\]`, 'g')),
  ];
  return lists.flatMap((m) => {
    const key = [...new Set([...m[0].matchAll(/'([\w-]+)'/g)].map((w) => w[1]))].sort().join('|');
    const match = enums.find((e) => e.key === key);
    return match ? [{ at: m.index, what: `${m[0]} is Schemas['${match.name}']` }] : [];
  });
}

/** An interface or object type with every field of a schema the API answers with: a hand copy of it. */
function schemaCopies(text: string): Finding[] {
  const declared = /(?:interface\s+(\w+)[^{=]*|type\s+(\w+)\s*=\s*)\{((?:[^{}]|\{[^{}]*\})*)\}/g;
  return [...text.matchAll(declared)].flatMap((m) => {
    const props = new Set(
      [...m[3].replace(/\{[^{}]*\}/g, '{}').matchAll(/(?:^|[;{\n])\s*(?:readonly\s+)?(\w+)\??\s*:/g)].map((p) => p[1]),
    );
    const copy = objects.find((o) => o.props.every((p) => props.has(p)));
    return copy ? [{ at: m.index, what: `${m[1] ?? m[2]} restates Schemas['${copy.name}']` }] : [];
  });
}

function everywhere(find: (text: string) => Finding[]): string[] {
  return sources.flatMap(({ file, text }) =>
    find(text).map(({ at, what }) => `${file}:${text.slice(0, at).split('\n').length}: ${what}`),
  );
}

describe('the API contract in frontend/src', () => {
  it('has no cast that switches the generated types off (`as never`, `as unknown as`)', () => {
    const found = everywhere(casts).filter((f) => !allowedCasts.includes(f.replace(/:\d+:/, ':')));
    expect(found).toEqual([]);
  });

  it('sends API requests through the generated client only', () => {
    expect(everywhere(handFetches)).toEqual([]);
  });

  it('restates no API enum by hand (use Schemas[…] or @diaspora-forum/lists)', () => {
    expect(everywhere(enumCopies)).toEqual([]);
  });

  it('restates no API schema by hand (use Schemas[…])', () => {
    expect(everywhere(schemaCopies)).toEqual([]);
  });

  it('catches what it was written against', () => {
    expect(casts("api.POST('/api/v1/public/register', { body: body as never })")).toHaveLength(1);
    expect(handFetches("await fetch('/api/v1/auth/sign-out', { method: 'POST' })")).toHaveLength(1);
    expect(enumCopies("preferredLanguage: 'en' as 'en' | 'st',")).toMatchObject([{ what: "'en' | 'st' is Schemas['Language']" }]);
    expect(enumCopies("const states = ['queued', 'sending', 'sent', 'failed', 'held', 'cancelled'] as const;")).toHaveLength(1);
    const doorData = `export interface DoorData {
      forum: DoorForum;
      day: string;
      publicKey: string;
      generatedAt: string;
      attendees: AttendeeTuple[];
    }`;
    expect(schemaCopies(doorData)).toMatchObject([{ what: "DoorData restates Schemas['DoorDataDto']" }]);
    expect(
      schemaCopies('type Me = { id: string; name: string; role: string; email: string; countries: string[] };'),
    ).toMatchObject([{ what: "Me restates Schemas['AuthUserDto']" }]);
  });
});
