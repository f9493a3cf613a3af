/**
 * Class mode's pages in dist/ (built with GUESS_API, as `npm test` builds it): each loads only its
 * own small code, never the islands' shared chunk (Svelte and the chart kit), within a budget far
 * under the story's 40 KB; no style attribute; noindex. Run `GUESS_API=/api/ npm run build` first
 * when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gzipBytes as gzipBytesOf, scriptsOf as scriptsOfDist } from '../files';

const DIST = 'dist';
if (!existsSync(join(DIST, 'join/index.html'))) throw new Error('dist/join/ is missing: build with GUESS_API=/api/ first (npm test does)');

const scriptsOf = (page: string) => scriptsOfDist(DIST, page);
const gzipBytes = (files: string[]) => gzipBytesOf(DIST, files);

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
