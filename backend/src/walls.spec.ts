import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './paths';

// The dependency rule (.dependency-cruiser.cjs) sees imports, not SQL: a raw statement or a query
// builder given a table name could still write another module's table. This reads the code for
// writes by table name and checks each table belongs to the module that writes it.

const src = join(repoRoot, 'backend', 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : files(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const moduleOf = (path: string) => relative(src, path).split('/')[0];

const writes = [
  /\b(?:INSERT(?:\s+IGNORE)?\s+INTO|REPLACE\s+INTO|DELETE\s+FROM)\s+`?(\w+)`?/gi,
  /\bUPDATE\s+`?(\w+)`?\s+(?:\w+\s+)?SET\b/gi,
  /\.(?:into|update|from)\(\s*'(\w+)'/g,
];

describe('module walls', () => {
  const sources = files(src).filter((path) => !path.includes(`${join(src, 'test')}/`) && !path.endsWith('-test-helpers.ts'));
  const owner = new Map<string, string>();
  for (const path of sources.filter((p) => p.endsWith('.entity.ts'))) {
    for (const [, table] of readFileSync(path, 'utf8').matchAll(/@Entity\('(\w+)'/g)) owner.set(table, moduleOf(path));
  }

  it('finds every table’s owner', () => {
    expect(owner.get('members')).toBe('register');
    expect(owner.get('attendees')).toBe('attendees');
    expect(owner.size).toBeGreaterThanOrEqual(25);
  });

  it('lets a module write only its own tables, even in raw SQL', () => {
    const foreign: string[] = [];
    for (const path of sources) {
      const text = readFileSync(path, 'utf8');
      for (const pattern of writes) {
        for (const [, table] of text.matchAll(pattern)) {
          const tableOwner = owner.get(table);
          if (tableOwner && tableOwner !== moduleOf(path)) foreign.push(`${relative(src, path)} writes ${table} (${tableOwner})`);
        }
      }
    }
    expect(foreign).toEqual([]);
  });
});
