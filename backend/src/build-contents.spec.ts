import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './paths';

const backend = join(repoRoot, 'backend');

/**
 * Every file `npm run build` compiles, found the way tsc finds them: tsconfig.build.json's include
 * and exclude, plus whatever those files import. An `exclude` does not keep out a file that a
 * built file imports, which is how a test helper once pulled supertest into dist.
 */
function builtFiles(): string[] {
  const configPath = join(backend, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return program.getSourceFiles().map((f) => relative(repoRoot, f.fileName).split(sep).join('/'));
}

/** The backend's devDependencies other than typings (a typings package is there for a runtime one). */
function testOnlyPackages(): string[] {
  const manifest = JSON.parse(readFileSync(join(backend, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return Object.keys(manifest.devDependencies).filter((name) => !name.startsWith('@types/') && name !== 'typescript');
}

describe('the production build', () => {
  const files = builtFiles();

  it('compiles the app itself (the check reads the real program)', () => {
    expect(files).toContain('backend/src/main.ts');
  });

  it('compiles no spec and no test helper', () => {
    expect(files.filter((f) => f.startsWith('backend/src/test/') || f.endsWith('.spec.ts'))).toEqual([]);
  });

  it('pulls in no test-only package, nor its typings', () => {
    const packages = testOnlyPackages();
    expect(packages).toContain('supertest');
    const typings = (name: string) => `@types/${name.replace(/^@/, '').replace('/', '__')}`;
    const pulledIn = files.filter((f) =>
      packages.some((name) => f.includes(`node_modules/${name}/`) || f.includes(`node_modules/${typings(name)}/`)),
    );
    expect(pulledIn).toEqual([]);
  });
});
