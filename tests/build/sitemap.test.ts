/**
 * The sitemap and robots.txt of dist/ (src/integrations/sitemap.ts, src/pages/robots.txt.ts): valid
 * against the sitemaps.org schemas, listing exactly the pages without `noindex` by their canonical
 * addresses, each with the lastmod the record of changes gives it; robots.txt names the index by its
 * absolute address. Each rule is proved on a broken sitemap. Run `npm run build` first when running
 * alone.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { builtPages, listProblems, schemaErrors, sitemapEntries, SITEINDEX_XSD, SITEMAP_XSD, type BuiltPage, type SitemapEntry } from './sitemap';

const DIST = 'dist';
if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
const FIXTURES = resolve(__dirname, '../fixtures/sitemaps');

const PAGES = builtPages(DIST);
/** The site's address under its base, as the home page states it. */
const SITE = PAGES.find((p) => p.file === 'index.html')!.canonical!;
const INDEX = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
const PARTS = sitemapEntries(INDEX).map((e) => e.loc);
const ENTRIES: SitemapEntry[] = PARTS.flatMap((loc) => sitemapEntries(readFileSync(join(DIST, loc.slice(SITE.length)), 'utf8')));

describe('the sitemap of dist/', () => {
  test('the index and each sitemap it names validate against the sitemaps.org 0.9 schemas', () => {
    expect(schemaErrors(join(DIST, 'sitemap-index.xml'), SITEINDEX_XSD)).toBeNull();
    expect(PARTS).toEqual([`${SITE}sitemap-0.xml`]);
    for (const loc of PARTS) expect(schemaErrors(join(DIST, loc.slice(SITE.length)), SITEMAP_XSD), loc).toBeNull();
  });

  test('it lists exactly the pages without noindex, by their canonical addresses; the embeds, the 404 page and class mode\'s rooms are out', () => {
    expect(listProblems(ENTRIES, PAGES)).toEqual([]);
    const noindex = PAGES.filter((p) => p.noindex).map((p) => p.file);
    expect(noindex).toContain('404.html');
    expect(noindex.filter((f) => f.startsWith('embed/')).length).toBeGreaterThan(5);
    // Class mode's pages (a build with GUESS_API) are a room to join and a projector view: not for search engines.
    const rooms = ['class/index.html', 'join/index.html'];
    expect(noindex.every((f) => f === '404.html' || f.startsWith('embed/') || rooms.includes(f)), noindex.join(', ')).toBe(true);
    expect(ENTRIES.length).toBe(PAGES.length - noindex.length);
    expect(ENTRIES.map((e) => e.loc)).toEqual(expect.arrayContaining([SITE, `${SITE}data/`, `${SITE}check/`, `${SITE}charts/quit-twice/`]));
    console.info(`sitemap: ${ENTRIES.length} pages of ${PAGES.length}; out (noindex): ${noindex.join(', ')}`);
  });

  test('lastmod: a chart page, the date its data last changed; every other page, the site’s last change', () => {
    const figures = JSON.parse(readFileSync(join(DIST, 'data/figures.json'), 'utf8'));
    for (const { loc, lastmod } of ENTRIES) {
      const chart = /charts\/([^/]+)\/$/.exec(loc)?.[1];
      const want = chart ? JSON.parse(readFileSync(join(DIST, `data/charts/${chart}.json`), 'utf8')).dataLastChanged : figures.lastChanged;
      expect(lastmod?.slice(0, 10), loc).toBe(want);
    }
    expect(sitemapEntries(INDEX)[0]!.lastmod?.slice(0, 10)).toBe(figures.lastChanged);
  });

  test('robots.txt allows every page and names the sitemap index by its absolute address', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \S/m);
    expect(robots.match(/^Sitemap: (.+)$/m)?.[1]).toBe(`${SITE}sitemap-index.xml`);
  });
});

describe('the rules bite', () => {
  const temp = mkdtempSync(join(tmpdir(), 'sitemap-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  const indexable = PAGES.filter((p) => !p.noindex);
  const embed = PAGES.find((p) => p.file.startsWith('embed/'))!;

  test('a sitemap missing a page', () => {
    const dropped = ENTRIES.find((e) => e.loc.endsWith('/data/'))!;
    expect(listProblems(ENTRIES.filter((e) => e !== dropped), PAGES)).toEqual([`data/index.html: indexable, but ${dropped.loc} is not in the sitemap`]);
  });

  test('a sitemap listing a noindex page, an address of no page, one address twice', () => {
    expect(listProblems([...ENTRIES, { loc: embed.canonical!, lastmod: null }], PAGES)).toEqual([`${embed.canonical}: listed, but ${embed.file} says noindex`]);
    expect(listProblems([...ENTRIES, { loc: `${SITE}no-such-page/`, lastmod: null }], PAGES)).toEqual([`${SITE}no-such-page/: no built page has this canonical address`]);
    expect(listProblems([...ENTRIES, ENTRIES[0]!], PAGES)).toEqual([`${ENTRIES[0]!.loc}: listed twice`]);
  });

  test('a page that loses its noindex must be listed; one that gains it must not', () => {
    const unmarked: BuiltPage = { ...embed, noindex: false };
    expect(listProblems(ENTRIES, PAGES.map((p) => (p === embed ? unmarked : p)))).toEqual([`${embed.file}: indexable, but ${embed.canonical} is not in the sitemap`]);
    const marked = indexable.find((p) => p.file === 'teach/index.html')!;
    expect(listProblems(ENTRIES, PAGES.map((p) => (p === marked ? { ...p, noindex: true } : p)))).toEqual([`${marked.canonical}: listed, but teach/index.html says noindex`]);
  });

  test('an invalid lastmod, an entry out of order, an element the schema does not know: invalid', () => {
    expect(schemaErrors(join(FIXTURES, 'bad-lastmod.xml'), SITEMAP_XSD)).toMatch(/'1 December 2026' is not a valid value/);
    expect(schemaErrors(join(FIXTURES, 'bad-index.xml'), SITEINDEX_XSD)).toMatch(/lastmod: .*This element is not expected/);
    const part = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');
    const bad = join(temp, 'unknown.xml');
    writeFileSync(bad, part.replace('</loc>', '</loc><updated>2026-12-01</updated>'));
    expect(schemaErrors(bad, SITEMAP_XSD)).toMatch(/updated.*not expected/);
    // And the index against the sitemap schema (the wrong root): invalid too.
    expect(schemaErrors(join(DIST, 'sitemap-index.xml'), SITEMAP_XSD)).not.toBeNull();
  });
});
