/**
 * Every internal link in every page of dist/ resolves (tests/build/links.ts): hrefs, srcs, srcsets,
 * posters, stylesheets, island scripts and og: URLs name a file in dist/, and every #fragment is an
 * id in its target page. External links are collected and counted, never fetched. Run
 * `npm run build` first when running alone, with the same BASE_PATH and SITE_URL as the build:
 * absolute URLs on SITE_URL are internal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLinks, formatProblem, type LinkOptions } from './links';
import { filesUnder } from '../files';

const DIST = 'dist';
if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');

// As astro.config.mjs reads them.
const rawBase = process.env.BASE_PATH || '/';
const OPTS: LinkOptions = {
  base: `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'),
  origin: new URL(process.env.SITE_URL || 'http://127.0.0.1:4321').origin,
};

const FILES = filesUnder(DIST).map((f) => relative(DIST, f).split(sep).join('/'));
const PAGES = new Map(FILES.filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(DIST, f), 'utf8')]));

describe('links in dist/', () => {
  test('dist/ was built for this BASE_PATH and SITE_URL', () => {
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(PAGES.get('index.html') ?? '')?.[1];
    expect(canonical, 'build and test with the same BASE_PATH and SITE_URL').toBe(OPTS.origin + OPTS.base);
  });

  const result = checkLinks({ files: FILES, pages: PAGES }, OPTS);

  test('every internal link names a file in dist/ and every fragment an id in its page', () => {
    const external = new Set(result.external.map((l) => l.url));
    console.info(
      `links: ${PAGES.size} pages, ${result.internal.length} internal links checked ` +
        `(${new Set(result.internal.map((l) => l.url)).size} distinct), ` +
        `${result.internal.filter((l) => l.url.includes('#')).length} with a fragment, ` +
        `${result.external.length} external (${external.size} distinct, not fetched), ${result.problems.length} problems`,
    );
    expect(PAGES.size).toBeGreaterThan(10);
    expect(result.internal.length).toBeGreaterThan(100);
    expect(result.problems.map(formatProblem).join('\n'), `${result.problems.length} broken links`).toBe('');
  });

  test('the checks reach downloads, images, cross-page anchors and absolute URLs on the site origin', () => {
    const urls = result.internal.map((l) => l.url);
    for (const ext of ['csv', 'json', 'png', 'svg']) {
      expect(urls.filter((u) => new RegExp(`\\.${ext}(?:[?#]|$)`).test(u)).length, `links to .${ext}`).toBeGreaterThan(0);
    }
    expect(urls.some((u) => /\/data\/#[\w-]+$/.test(u)), 'cross-page anchors into /data/').toBe(true);
    expect(urls.some((u) => u.startsWith(OPTS.origin)), `absolute URLs on ${OPTS.origin}`).toBe(true);
  });

  test('external links use https', () => {
    const insecure = result.external.filter((l) => !l.url.startsWith('https://'));
    expect(insecure.map((l) => `${l.page}:${l.line}:${l.column} ${l.url}`)).toEqual([]);
  });
});
