/**
 * Client code ships no build-time code: no Svelte component (they all hydrate in the browser)
 * imports d3, papaparse, zod, node: modules, the data loader or the kit's scales, directly or
 * through the client-safe modules it imports. Scales and selectors run at build time; components
 * receive positions as plain numbers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { filesUnder } from '../files';

const BUILD_ONLY = [/^d3-/, /^papaparse$/, /^zod$/, /^node:/, /\/data\/(load|parse|schema|dataset|select)(\.ts)?$/, /\/kit\/scales(\.ts)?$/];

/** Every module a file imports at run time (type-only imports are erased), resolved to a path or a package name. */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*import\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) out.push(spec);
    else {
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}/index.ts`].find((p) => {
        try {
          return readFileSync(p) && true;
        } catch {
          return false;
        }
      });
      out.push(found ?? base);
    }
  }
  return out;
}

/** The build-only modules a file reaches through its run-time imports, as chains. */
export function buildOnlyReached(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of imports(file)) {
      const name = dep.startsWith('/') ? relative(process.cwd(), dep) : dep;
      if (BUILD_ONLY.some((re) => re.test(name))) found.push([...chain, name].join(' → '));
      else if (dep.startsWith('/') && /\.(ts|svelte)$/.test(dep) && !dep.endsWith('.svelte.d.ts')) walk(dep, [...chain, name]);
    }
  };
  walk(resolve(entry), [relative(process.cwd(), resolve(entry))]);
  return found;
}

const components = filesUnder('src').filter((f) => f.endsWith('.svelte'));

test.each(components)('%s ships no build-time code', (file) => {
  expect(buildOnlyReached(file)).toEqual([]);
});

test('the sentence checker’s page code (src/check/client.ts) ships no build-time code', () => {
  expect(buildOnlyReached(join('src', 'check', 'client.ts'))).toEqual([]);
});

test('the rule bites: a build-time module is found through a chain of imports', () => {
  expect(buildOnlyReached(join('src', 'charts', 'export', 'compose.ts')).length).toBeGreaterThan(0);
});
