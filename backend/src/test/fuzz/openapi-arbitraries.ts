import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';

/** An OpenAPI schema as the document holds it (only what the generator reads). */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  maxLength?: number;
}

/** Values that values of the right type are often confused with, and text that breaks naive code. */
export const hostileStrings = fc.constantFrom(
  '',
  ' ',
  '\ud800',
  'a\udfffb',
  '\u0000',
  '😀'.repeat(50),
  'x'.repeat(300),
  'x'.repeat(70_000),
  "'; DROP TABLE members; --",
  '%ED%A0%80',
  '../../etc/passwd',
  '=HYPERLINK("http://example.org")',
  '<script>alert(1)</script>',
  '2027-02-30',
  '9999-12-31T23:59:59Z',
  '0000-00-00',
  'NaN',
  '-1',
  'true',
  'null',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'Ntšekhe Zoë',
);

const hostileNumbers = fc.constantFrom(0, -1, -0, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER);

/** Any JSON value a careless client might send in place of the expected one. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  hostileStrings,
  hostileNumbers,
  fc.constantFrom(null, true, false, {}, [], [[]], [{}], { __proto__: null }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(nest(40)),
  fc.array(hostileStrings, { maxLength: 3 }),
);

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/**
 * Values for a schema, mostly of the right shape (so validation passes often and the code behind it
 * runs), each part sometimes swapped for junk, fields left out or added. `pick` gives real ids and
 * tokens for fields whose name says they hold one.
 */
export class SchemaArbitraries {
  constructor(
    private readonly doc: OpenAPIObject,
    private readonly pick: (name: string) => fc.Arbitrary<string> | null,
    /** Clean values stay to the schema and its examples, so whole requests pass validation and reach the services. */
    private readonly clean = false,
  ) {}

  value(schema: Schema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
    if (this.clean) return this.shaped(schema, name, depth);
    return fc.oneof({ weight: 5, arbitrary: this.shaped(schema, name, depth) }, { weight: 1, arbitrary: junk });
  }

  private resolve(schema: Schema | undefined): Schema {
    let s = schema ?? {};
    for (let i = 0; s.$ref && i < 10; i++) s = this.doc.components?.schemas?.[s.$ref.split('/').at(-1)!] as Schema;
    const combined = s.allOf ?? s.oneOf ?? s.anyOf;
    return combined?.length ? { ...this.resolve(combined[0]), ...s, allOf: undefined, oneOf: undefined, anyOf: undefined } : s;
  }

  private shaped(raw: Schema | undefined, name: string, depth: number): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    if (depth > 4) return junk;
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const real = this.pick(name);
    if (real) return real;
    switch (schema.type) {
      case 'object':
      case undefined:
        if (!schema.properties)
          return fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }));
        return this.object(schema, depth);
      case 'array':
        if (this.clean && Array.isArray(schema.example)) return fc.constant(schema.example);
        return fc.array(this.value(schema.items, singular(name), depth + 1), { maxLength: this.clean ? 2 : 4 });
      case 'boolean':
        return fc.boolean();
      case 'number':
      case 'integer':
        if (this.clean) return typeof schema.example === 'number' ? fc.constant(schema.example) : fc.integer({ min: 1, max: 50 });
        return fc.oneof(fc.integer({ min: 0, max: 500 }), hostileNumbers);
      default:
        return this.string(schema);
    }
  }

  private object(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const props = Object.entries(schema.properties ?? {});
    const required = new Set(schema.required ?? []);
    const fields = Object.fromEntries(props.map(([key, prop]) => [key, this.value(prop, key, depth + 1)]));
    return fc
      .record(
        {
          ...fields,
          extra: this.clean
            ? fc.constant(null)
            : fc.option(fc.tuple(fc.constantFrom('extra', 'id', 'role', 'isAdmin', 'createdAt'), junk), { freq: 6 }),
          drop: this.clean
            ? fc.constant(null)
            : fc.option(fc.constantFrom(...props.map(([key]) => key), ...(props.length ? [] : ['-'])), { freq: 3 }),
        },
        {
          requiredKeys: [
            'extra',
            'drop',
            ...props.filter(([key]) => required.has(key) || depth === 0).map(([key]) => key),
          ] as never[],
        },
      )
      .map(({ extra, drop, ...rest }) => {
        const out: Record<string, unknown> = { ...rest };
        if (drop) delete out[drop as string];
        if (extra) out[(extra as [string, unknown])[0]] = (extra as [string, unknown])[1];
        return out;
      });
  }

  private string(schema: Schema): fc.Arbitrary<string> {
    const day = fc.date({ min: new Date('2026-01-01'), max: new Date('2028-12-31'), noInvalidDate: true });
    if (schema.format === 'date-time') return day.map((d) => d.toISOString());
    if (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example))
      return fc.oneof(
        fc.constant(schema.example),
        day.map((d) => d.toISOString().slice(0, 10)),
      );
    const options: fc.Arbitrary<string>[] = [fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })];
    if (this.clean && typeof schema.default === 'string') return fc.constant(schema.default);
    if (typeof schema.example === 'string')
      return this.clean ? fc.constant(schema.example) : fc.oneof(fc.constant(schema.example), ...options);
    return fc.oneof(...options);
  }
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}
