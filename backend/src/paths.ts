import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository root, found by walking up from the working directory. Compiled code and the
 * ESM test runner disagree about __dirname, and npm runs workspace scripts from the workspace
 * folder, so the root marker (our root package.json) is the one stable anchor.
 */
export function findRepoRoot(from = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'diaspora-forum') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();
export const frontendBuildDir = join(repoRoot, 'frontend', 'build');
export const templatesDir = join(repoRoot, 'templates');
