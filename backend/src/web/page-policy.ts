import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const META_CSP = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i;

/**
 * The Content-Security-Policy the built pages need, read from the <meta> tag SvelteKit writes into
 * each HTML file (kit.csp in svelte.config.js, with the hashes of its inline bootstrap script). The
 * policies of all pages are merged, source by source, so any page the build serves runs under the
 * one header policy. null when there is no build.
 */
export function readPagePolicy(buildDir: string): Map<string, Set<string>> | null {
  const pages = htmlFiles(buildDir);
  if (!pages.length) return null;
  const merged = new Map<string, Set<string>>();
  for (const file of pages) {
    const match = META_CSP.exec(readFileSync(file, 'utf8'));
    if (!match) {
      throw new Error(
        `${relative(buildDir, file)} in the frontend build carries no CSP <meta> tag: keep kit.csp in frontend/svelte.config.js`,
      );
    }
    for (const [name, sources] of parsePolicy(match[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"'))) {
      const into = merged.get(name) ?? new Set<string>();
      sources.forEach((source) => into.add(source));
      merged.set(name, into);
    }
  }
  return merged;
}

export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

export function serializePolicy(directives: Map<string, Iterable<string>>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

function htmlFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}
