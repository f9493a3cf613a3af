/** File listing shared by the tests that read a built site or the source tree. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, recursively, as a path that starts with `dir` ("dist/data/index.html"). */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));

/** Every script a built page loads at once: its module scripts and their static imports, by file name in `dist/_astro/`. */
export function scriptsOf(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dist, '_astro', file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  for (const m of html.matchAll(/<script type="module" src="[^"]*\/_astro\/([^"]+)"/g)) visit(m[1]!);
  return [...seen];
}

/** The gzip size (level 9) of files in `dist/_astro/`, together. */
export const gzipBytes = (dist: string, files: string[]): number =>
  files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, '_astro', f)), { level: 9 }).length, 0);
