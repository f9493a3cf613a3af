/**
 * /check/ in dist/: its JavaScript (the checker, its cards and the page's code, with everything the
 * layout loads) within the bench's budget, SIZE_BUDGET.js('check/') (25 KB gzip), and no island code;
 * no other page loads the checker; its data block is what checkerData makes of data/, with no "<"
 * that could close it, and is never run; the build-time example is render.ts's cards of
 * EXAMPLE_TEXT. Run `GUESS_API=/api/ npm run build` first when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SIZE_BUDGET } from '../../scripts/bench/budgets.mjs';
import { checkText } from '../../src/check/check';
import { checkerData } from '../../src/check/data';
import { EXAMPLE_TEXT, resultHtml } from '../../src/check/render';
import { loadData } from '../../src/data/load';
import { filesUnder, gzipBytes as gzipBytesOf, scriptsOf as scriptsOfDist } from '../files';

const DIST = 'dist';
const PAGE = 'check/index.html';
if (!existsSync(join(DIST, PAGE))) throw new Error('dist/check/ is missing: run `npm run build` first');
const html = readFileSync(join(DIST, PAGE), 'utf8');
// As astro.config.mjs reads it (the build and this test run with the same BASE_PATH).
const BASE = `/${(process.env.BASE_PATH || '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const scriptsOf = (page: string) => scriptsOfDist(DIST, page);
const gzipBytes = (files: string[]) => gzipBytesOf(DIST, files);
/** A script holds the checker's cards (render.ts): a class only they write. */
const holdsChecker = (file: string) => readFileSync(join(DIST, '_astro', file), 'utf8').includes('check-card');

describe('/check/ in dist/', () => {
  test(`loads no island code and at most ${SIZE_BUDGET.js('check/') / 1024} KB of JavaScript (gzip), the checker among it`, () => {
    const files = scriptsOf(PAGE);
    expect(files.filter((f) => /^(islands|Crowd|crowd)\./.test(f))).toEqual([]);
    expect(files.some(holdsChecker)).toBe(true);
    const bytes = gzipBytes(files);
    console.info(`${PAGE}: ${files.length} scripts, ${bytes} bytes gzip`);
    expect(bytes).toBeLessThanOrEqual(SIZE_BUDGET.js('check/'));
  });

  test('no other page loads the checker', () => {
    const others = filesUnder(DIST)
      .filter((f) => f.endsWith('.html'))
      .map((f) => relative(DIST, f))
      .filter((p) => p !== PAGE);
    expect(others.length).toBeGreaterThan(10);
    expect(others.filter((p) => scriptsOf(p).some(holdsChecker))).toEqual([]);
  });

  test('its data block is checkerData of data/, with every "<" escaped, and is data, not a script', () => {
    const blocks = [...html.matchAll(/<script type="application\/json" id="check-data">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const text = blocks[0]![1]!;
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(checkerData(loadData()));
  });

  test('linked from every page’s footer, from the press trail in the story and on /data/, from /teach/ and every chart page', () => {
    const link = `href="${BASE}check/"`;
    const pages = filesUnder(DIST)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [relative(DIST, f), readFileSync(f, 'utf8')] as const);
    const withFooter = pages.filter(([, text]) => text.includes('<footer class="site-footer">'));
    expect(withFooter.length).toBeGreaterThan(10);
    const links = (html: string) => html.includes(link);
    for (const [page, text] of withFooter) expect(links(text.split('<footer class="site-footer">')[1]!), `${page}: its footer`).toBe(true);
    const at = (page: string) => pages.find(([p]) => p === page)?.[1] ?? '';
    /** The part of a page between two ids (a section, up to the next one). */
    const between = (html: string, from: string, to: string) => {
      const [a, b] = [html.indexOf(`id="${from}"`), html.indexOf(`id="${to}"`)];
      if (a < 0 || b < a) throw new Error(`no id "${from}" before an id "${to}"`);
      return html.slice(a, b);
    };
    expect(links(between(at('index.html'), 'reporting', 'methodology')), 'the story’s press-trail section').toBe(true);
    expect(links(between(at('data/index.html'), 'coverage', 'context-head')), 'the press trail on /data/').toBe(true);
    expect(links(between(at('teach/index.html'), 'lesson-title', 'questions-title')), 'the lesson on /teach/').toBe(true);
    const charts = pages.filter(([p]) => /^charts\/[^/]+\/index\.html$/.test(p));
    expect(charts.length).toBeGreaterThan(5);
    for (const [page, text] of charts) expect(links(text.split('<main')[1]!.split('<footer class="site-footer">')[0]!), page).toBe(true);
  });

  test('the example is labelled as one, and its cards are render.ts’s cards of EXAMPLE_TEXT', () => {
    const data = checkerData(loadData());
    expect(html).toContain(resultHtml(checkText(EXAMPLE_TEXT, data), data, BASE));
    expect(html).toMatch(/<p class="check-example" data-check-example[^>]*> <strong[^>]*>An example\.<\/strong>/);
    expect(html).toContain('<noscript>');
    expect(html).not.toMatch(/\sstyle="/);
  });
});
