/**
 * Class mode's pages in dist/ (built with GUESS_API, as `npm test` builds it): each loads only its
 * own small code, never the islands' shared chunk (Svelte and the chart kit), within a budget far
 * under the story's 40 KB; no style attribute; noindex. Run `GUESS_API=/api/ npm run build` first
 * when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const DIST = 'dist';
if (!existsSync(join(DIST, 'join/index.html'))) throw new Error('dist/join/ is missing: build with GUESS_API=/api/ first (npm test does)');

/** Every script a page loads at once: its module scripts and their static imports, by file name. */
function scriptsOf(page: string): string[] {
  const html = readFileSync(join(DIST, page), 'utf8');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, '_astro', file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  for (const m of html.matchAll(/<script type="module" src="\/_astro\/([^"]+)"/g)) visit(m[1]!);
  return [...seen];
}
const gzipBytes = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, '_astro', f)), { level: 9 }).length, 0);

describe.each([
  ['join/index.html', 10 * 1024],
  ['class/index.html', 16 * 1024],
])('%s', (page, budget) => {
  test(`loads no island code and at most ${budget / 1024} KB of JavaScript (gzip)`, () => {
    const files = scriptsOf(page);
    expect(files.filter((f) => /^(islands|Crowd|crowd)\./.test(f))).toEqual([]);
    const bytes = gzipBytes(files);
    console.info(`${page}: ${files.length} scripts, ${bytes} bytes gzip`);
    expect(bytes).toBeLessThanOrEqual(budget);
  });
  test('no style attribute, and noindex', () => {
    const html = readFileSync(join(DIST, page), 'utf8');
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).toMatch(/<meta name="robots" content="noindex">/);
  });
});
