/**
 * The record of changes as built: /changes.xml parses as Atom (RFC 4287: the feed's required
 * elements, unique entry ids, RFC 3339 dates), /changes/ lists the entries newest first and links
 * the feed, figures.json carries the version, and "Updated <date>" shows on a chart's page and embed
 * exactly when its figures changed after the first publication: never in the real build (nothing
 * has changed yet), and, in a build of tests/fixtures/changed/with-correction/, on the charts that
 * draw the corrected figure only; there, the sitemap's lastmod follows the correction page by page.
 * That build runs without SITE_URL, and prints the warning about it once. Run `npm run build` first
 * when running alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/registry';
import { loadData } from '../../src/data/load';
import { GET } from '../../src/pages/changes.xml';
import { shellEnv } from './env';
import { sitemapEntries } from './sitemap';
import { SITE_URL_WARNING } from '../../src/integrations/site-url';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
});

/** Parses XML strictly: jsdom's XML parser throws on anything not well-formed. */
function parseXml(text: string): Document {
  return new JSDOM(text, { contentType: 'application/xml' }).window.document;
}

const kids = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
const one = (el: Element, name: string) => {
  const found = kids(el, name);
  expect(found, `exactly one <${name}> in <${el.localName}>`).toHaveLength(1);
  return found[0];
};

/** The RFC 4287 rules a feed reader relies on; returns the entries, in document order. */
function checkAtom(text: string) {
  const doc = parseXml(text);
  const feed = doc.documentElement;
  expect(feed.localName).toBe('feed');
  expect(feed.namespaceURI).toBe(ATOM);
  expect(one(feed, 'id').textContent).toMatch(/^https?:\/\/\S+$/);
  expect(one(feed, 'title').textContent!.trim()).not.toBe('');
  const updated = one(feed, 'updated').textContent!;
  expect(updated).toMatch(RFC3339);
  const self = kids(feed, 'link').filter((l) => l.getAttribute('rel') === 'self');
  expect(self).toHaveLength(1);
  expect(self[0].getAttribute('href')).toMatch(/\/changes\.xml$/);
  expect(one(one(feed, 'author'), 'name').textContent!.trim()).not.toBe('');

  const entries = kids(feed, 'entry').map((e) => {
    const link = kids(e, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
    expect(link, 'an alternate link').toBeDefined();
    const entryUpdated = one(e, 'updated').textContent!;
    expect(entryUpdated).toMatch(RFC3339);
    expect(Number.isNaN(Date.parse(entryUpdated))).toBe(false);
    expect(kids(e, 'content').length + kids(e, 'summary').length).toBeGreaterThan(0);
    return {
      id: one(e, 'id').textContent!,
      title: one(e, 'title').textContent!,
      updated: entryUpdated,
      link: link!.getAttribute('href')!,
      summary: kids(e, 'summary')[0]?.textContent ?? '',
      content: kids(e, 'content')[0]?.textContent ?? '',
    };
  });
  expect(entries.length).toBeGreaterThan(0);
  expect(new Set(entries.map((e) => e.id)).size, 'entry ids are unique').toBe(entries.length);
  for (const e of entries) expect(e.id).toMatch(/^https?:\/\/\S+#change-\d{4}-\d{2}-\d{2}(?:-\d+)?$/);
  // Newest first, and the feed's updated is its newest entry's.
  const times = entries.map((e) => Date.parse(e.updated));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  expect(Date.parse(updated)).toBe(times[0]);
  return entries;
}

const { changes } = loadData(join(ROOT, 'data'));

describe('/changes.xml', () => {
  const text = readFileSync(join(DIST, 'changes.xml'), 'utf8');

  test('parses as an Atom feed: required elements, unique ids, RFC 3339 dates, newest first', () => {
    const entries = checkAtom(text);
    expect(entries).toHaveLength(changes.length);
    const oldest = entries[entries.length - 1];
    expect(oldest.title).toMatch(/First publication$/);
    expect(oldest.link).toBe(oldest.id);
    expect(oldest.link).toMatch(/\/changes\/#change-2026-11-26$/);
  });

  test('the endpoint serves application/atom+xml under the configured site', async () => {
    const res = await GET({ site: new URL('https://example.org/') } as Parameters<typeof GET>[0]);
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    const body = await res.text();
    checkAtom(body);
    expect(body).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/changes.xml"/>');
  });

  test('dist/_headers serves the feed as application/atom+xml', () => {
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toMatch(/^\/changes\.xml\n  Content-Type: application\/atom\+xml; charset=utf-8$/m);
  });
});

describe('/changes/', () => {
  const doc = new JSDOM(readFileSync(join(DIST, 'changes/index.html'), 'utf8')).window.document;
  const dataPage = new JSDOM(readFileSync(join(DIST, 'data/index.html'), 'utf8')).window.document;

  test('links its feed for discovery', () => {
    const alt = doc.querySelector('head link[rel="alternate"][type="application/atom+xml"]');
    expect(alt?.getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/changes\.xml$/);
  });

  test('one entry per change, newest first, the oldest marked as the first publication', () => {
    const items = [...doc.querySelectorAll('ol.changes > li')];
    expect(items.map((li) => li.id)).toEqual([...changes].reverse().map((c) => c.anchor));
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual([...changes].reverse().map((c) => c.date));
    expect(items.at(-1)!.querySelector('h2')!.textContent).toContain('first publication');
    for (const li of items.slice(0, -1)) expect(li.querySelector('h2')!.textContent).not.toContain('first publication');
  });

  test('every figure and source it links has its anchor on /data/', () => {
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('ol.changes a[href^="/data/#"]')].map((a) => a.getAttribute('href')!.slice('/data/#'.length));
    expect(links.length).toBeGreaterThan(0);
    for (const id of links) expect(dataPage.getElementById(id), id).not.toBeNull();
  });

  test('every page links it from the footer', () => {
    for (const page of ['index.html', 'data/index.html', 'charts/index.html', 'accessibility/index.html']) {
      const d = new JSDOM(readFileSync(join(DIST, page), 'utf8')).window.document;
      expect(d.querySelector('footer a[href="/changes/"]'), page).not.toBeNull();
    }
  });
});

describe('versions', () => {
  test('figures.json: version is the number of entries, lastChanged the newest entry', () => {
    const json = JSON.parse(readFileSync(join(DIST, 'data/figures.json'), 'utf8'));
    expect(json.version).toBe(changes.length);
    expect(json.lastChanged).toBe(changes.at(-1)!.date);
  });

  test('the real build: no chart page or embed says "Updated" (no figure has changed since first publication)', () => {
    for (const { id } of CHARTS) {
      for (const page of [`charts/${id}/index.html`, `embed/${id}/index.html`]) {
        const html = readFileSync(join(DIST, page), 'utf8');
        expect(html, page).not.toContain('class="updated"');
        expect(html, page).not.toMatch(/>\s*Updated\s*</);
      }
    }
  });
});

describe('a build whose record has a correction (tests/fixtures/changed/with-correction/)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'changes-build-'));
  const out = join(temp, 'dist');
  afterAll(() => rmSync(temp, { recursive: true, force: true }));
  let built: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    built = spawnSync('npx', ['astro', 'build', '--outDir', out], {
      cwd: ROOT,
      // No SITE_URL, whatever the runner has: the build must warn.
      env: shellEnv({ DATA_DIR: join(ROOT, 'tests/fixtures/changed/with-correction'), SITE_URL: '' }),
      encoding: 'utf8',
      timeout: 180_000,
    });
  });
  const read = (p: string) => readFileSync(join(out, p), 'utf8');
  const figureIdsOf = (id: string) => Papa.parse<{ id: string }>(read(`data/charts/${id}.csv`).trim(), { header: true }).data.map((r) => r.id);

  test('"Updated 28 November 2026" on the page and embed of each chart drawing the corrected figure, linking its entry; nothing on the others', () => {
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
    const touched = CHARTS.filter((c) => figureIdsOf(c.id).includes('productivity-gain')).map((c) => c.id);
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.length).toBeLessThan(CHARTS.length);
    for (const { id } of CHARTS) {
      const page = new JSDOM(read(`charts/${id}/index.html`)).window.document.querySelector('main .updated');
      const embed = new JSDOM(read(`embed/${id}/index.html`)).window.document.querySelector('.updated');
      if (touched.includes(id)) {
        expect(page?.textContent?.replace(/\s+/g, ' ').trim(), id).toBe('Updated 28 November 2026');
        expect(page!.querySelector('a')!.getAttribute('href')).toBe('/changes/#change-2026-11-28');
        expect(page!.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-28');
        expect(embed?.textContent?.replace(/\s+/g, ' ').trim(), id).toBe('Updated 28 November 2026');
        const a = embed!.querySelector('a')!;
        expect(a.getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/changes\/#change-2026-11-28$/);
        expect(a.getAttribute('target')).toBe('_top');
      } else {
        expect(page, id).toBeNull();
        expect(embed, id).toBeNull();
      }
    }
  });

  test('the feed and /changes/ list both entries, newest first, the text escaped; figures.json is at version 2', () => {
    const entries = checkAtom(read('changes.xml'));
    expect(entries.map((e) => e.id.replace(/^.*#/, ''))).toEqual(['change-2026-11-28', 'change-2026-11-26']);
    expect(entries[0].content).toContain('To test the &quot;Updated &lt;date&gt;&quot; note &amp; its link');
    expect(entries[0].content).toContain('/data/#productivity-gain');
    const doc = new JSDOM(read('changes/index.html')).window.document;
    expect([...doc.querySelectorAll('ol.changes > li')].map((li) => li.id)).toEqual(['change-2026-11-28', 'change-2026-11-26']);
    expect(doc.querySelector('#change-2026-11-28 a[href="/data/#productivity-gain"]')).not.toBeNull();
    const json = JSON.parse(read('data/figures.json'));
    expect([json.version, json.lastChanged]).toEqual([2, '2026-11-28']);
  });

  test('without SITE_URL the build prints the warning once, naming what carries the local address', () => {
    const output = `${built.stdout}\n${built.stderr}`;
    expect(output.split(SITE_URL_WARNING).length - 1, output).toBe(1);
    expect(output.match(/SITE_URL is not set/g)).toHaveLength(1);
    for (const what of ['canonical links', 'og:url', 'citations', 'CSV addresses in the code snippets', 'the feed', 'the sitemap', 'robots.txt']) expect(SITE_URL_WARNING).toContain(what);
  });

  test("the sitemap's lastmod: the correction's date on the pages of the charts drawing the figure and on the site's other pages; the first publication on the other charts' pages", () => {
    const touched = new Set(CHARTS.filter((c) => figureIdsOf(c.id).includes('productivity-gain')).map((c) => c.id));
    const entries = sitemapEntries(read('sitemap-0.xml'));
    expect(entries.length).toBeGreaterThan(10);
    for (const { loc, lastmod } of entries) {
      const chart = /\/charts\/([^/]+)\/$/.exec(loc)?.[1];
      expect(lastmod?.slice(0, 10), loc).toBe(chart && !touched.has(chart) ? '2026-11-26' : '2026-11-28');
    }
    expect(entries.filter((e) => e.lastmod?.startsWith('2026-11-26')).length).toBe(CHARTS.length - touched.size);
  });
});
