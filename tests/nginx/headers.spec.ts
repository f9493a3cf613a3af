/**
 * What nginx sends for the built site (plain HTTP, no browser): for every file in dist/ the same
 * headers as dist/_headers gives it, each page's Content-Security-Policy equal to its <meta> policy
 * plus its frame-ancestors, the cache policy, compression, types, and the site's own 404 page.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { headersFor, metaPolicy, pagePath, parseHeaders } from '../../src/lib/headers';
import { IMMUTABLE, REVALIDATE } from '../../src/lib/nginx';
import { filesUnder } from '../files';
import { BASE, DIST, expect, get, test } from './server';

const RULES = parseHeaders(readFileSync(`${DIST}/_headers`, 'utf8'));
/** Every header name _headers sets anywhere: for each path, nginx must send exactly what the rules say, or nothing. */
const NAMES = [...new Set(RULES.flatMap((r) => r.headers.map(([k]) => k.toLowerCase())))];
/** Every file a reader can ask for, as a path under the site: the build's own server files excepted. */
const FILES = filesUnder(DIST)
  .map((f) => relative(DIST, f).split(sep).join('/'))
  .filter((f) => !f.endsWith('.gz') && f !== '_headers' && !f.startsWith('_nginx/'));
const PAGES = FILES.filter((f) => f.endsWith('.html'));
const url = (file: string) => `${BASE}${file}`;

/** What _headers gives a path, one value per header name (hosts join repeated names with ", "). */
function expected(path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of headersFor(RULES, path)) {
    const name = k.toLowerCase();
    out.set(name, out.has(name) ? `${out.get(name)}, ${v}` : v);
  }
  return out;
}

test('dist/ lists the files and pages to check', () => {
  expect(PAGES.length).toBeGreaterThan(15);
  expect(FILES.length).toBeGreaterThan(100);
  expect(NAMES).toEqual(expect.arrayContaining(['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'permissions-policy']));
});

test('every file and page address: the headers _headers gives it, no more, no fewer', async ({ nginx }) => {
  const paths = [...FILES.map(url), ...PAGES.filter((f) => f.endsWith('index.html')).map((f) => url(f).replace(/index\.html$/, ''))];
  const problems: string[] = [];
  for (const path of paths) {
    const res = await get(nginx.origin + path);
    if (res.status !== 200) problems.push(`${path}: status ${res.status}`);
    const want = expected(path);
    for (const name of NAMES) {
      const got = res.headers[name];
      const w = want.get(name);
      if (name === 'content-type' && w === undefined) continue; // set by the file's type when no rule sets it
      if (got !== w) problems.push(`${path}: ${name} is ${JSON.stringify(got)}, _headers says ${JSON.stringify(w)}`);
    }
  }
  expect(problems).toEqual([]);
  expect(paths.length).toBeGreaterThan(120);
});

test("every page: its Content-Security-Policy is its <meta> policy plus its frame-ancestors, at both its addresses", async ({ nginx }) => {
  for (const file of PAGES) {
    const policy = metaPolicy(readFileSync(`${DIST}/${file}`, 'utf8'));
    expect(policy, file).toBeTruthy();
    const path = pagePath(file);
    const frames = path.startsWith('/embed/') ? "frame-ancestors 'self' http: https:" : "frame-ancestors 'self'";
    const addresses = file.endsWith('index.html') ? [url(file), url(file).replace(/index\.html$/, '')] : [url(file)];
    for (const address of addresses) {
      const res = await get(nginx.origin + address);
      expect(res.headers['content-security-policy'], address).toBe(`${policy}; ${frames}`);
      expect(res.headers['x-frame-options'], address).toBe(path.startsWith('/embed/') ? undefined : 'SAMEORIGIN');
      expect(res.headers['x-content-type-options'], address).toBe('nosniff');
      expect(res.headers['referrer-policy'], address).toBe('strict-origin-when-cross-origin');
      expect(res.headers['permissions-policy'], address).toBe('camera=(), microphone=(), geolocation=(), interest-cohort=()');
    }
  }
});

test('cache: every _astro/ file (the subset fonts too) for a year; pages, data, the feed, the sitemap and robots.txt revalidated', async ({ nginx }) => {
  const astro = FILES.filter((f) => f.startsWith('_astro/'));
  expect(astro.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(5);
  expect(astro.filter((f) => f.endsWith('.woff2')).length).toBe(2);
  for (const f of astro) {
    const res = await get(nginx.origin + url(f));
    expect(res.headers['cache-control'], f).toBe(IMMUTABLE);
  }
  expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  for (const f of ['', 'index.html', 'data/', 'data/figures.json', 'data/figures.csv', 'changes.xml', 'images/quit-twice.all.png', 'data/charts/quit-twice.zip', 'favicon.svg', 'oembed/quit-twice.json', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt']) {
    expect((await get(nginx.origin + url(f))).headers['cache-control'], f || '/').toBe(REVALIDATE);
  }
  expect(REVALIDATE).toBe('no-cache');
});

test('compression: HTML, CSS, JS, JSON, CSV, SVG and the feed gzip-encoded when asked, the same bytes as the file; plain when not', async ({ nginx }) => {
  const pick = (re: RegExp) => FILES.filter((f) => re.test(f))[0]!;
  const sample = ['index.html', 'data/index.html', pick(/^_astro\/.*\.css$/), pick(/^_astro\/IslandLoader\..*\.js$/), 'data/figures.json', 'data/figures.csv', 'images/quit-twice.all.svg', 'changes.xml'];
  const sizes: string[] = [];
  for (const f of sample) {
    const file = readFileSync(`${DIST}/${f}`);
    const gz = await get(nginx.origin + url(f), { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding'], f).toBe('gzip');
    expect(gz.headers['vary'], f).toBe('Accept-Encoding');
    expect(gunzipSync(gz.body).equals(file), f).toBe(true);
    // The build's .gz as it is (gzip_static), not compressed again on each request.
    expect(gz.body.equals(readFileSync(`${DIST}/${f}.gz`)), `${f}: the precompressed file`).toBe(true);
    expect(gz.body.length, f).toBeLessThan(file.length);
    const plain = await get(nginx.origin + url(f));
    expect(plain.headers['content-encoding'], f).toBeUndefined();
    expect(plain.body.equals(file), f).toBe(true);
    sizes.push(`${f}: ${file.length} → ${gz.body.length} bytes gzip`);
  }
  console.info(`nginx, gzip: ${sizes.join('; ')}`);
  // Fonts, PNGs and zips are compressed already: sent as they are.
  for (const f of [pick(/\.woff2$/), 'images/quit-twice.all.png', 'data/charts/quit-twice.zip']) {
    expect((await get(nginx.origin + url(f), { 'Accept-Encoding': 'gzip' })).headers['content-encoding'], f).toBeUndefined();
  }
});

test('types: csv, json, svg, the feed, the sitemap, robots.txt, woff2, zip, png, html, css, js', async ({ nginx }) => {
  const types: [string, string][] = [
    ['data/figures.csv', 'text/csv; charset=utf-8'],
    ['data/figures.json', 'application/json'],
    ['images/quit-twice.all.svg', 'image/svg+xml; charset=utf-8'],
    ['changes.xml', 'application/atom+xml; charset=utf-8'],
    ['sitemap-index.xml', 'application/xml; charset=utf-8'],
    ['sitemap-0.xml', 'application/xml; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    [FILES.find((f) => f.endsWith('.woff2'))!, 'font/woff2'],
    ['data/charts/quit-twice.zip', 'application/zip'],
    ['images/quit-twice.all.png', 'image/png'],
    ['index.html', 'text/html; charset=utf-8'],
    ['', 'text/html; charset=utf-8'],
    [FILES.find((f) => f.endsWith('.css'))!, 'text/css; charset=utf-8'],
    [FILES.find((f) => f.endsWith('.js'))!, 'text/javascript; charset=utf-8'],
  ];
  for (const [f, type] of types) {
    for (const enc of [{}, { 'Accept-Encoding': 'gzip' }] as Record<string, string>[]) {
      expect((await get(nginx.origin + url(f), enc)).headers['content-type'], f || '/').toBe(type);
    }
  }
});

test("a missing address: status 404, the site's own 404 page with its policy; the build's server files are not served", async ({ nginx }) => {
  const page = readFileSync(`${DIST}/404.html`);
  const policy = metaPolicy(page.toString('utf8'));
  for (const path of [url('no-such-page/'), url('data/no-such.csv'), url('_astro/no-such.js'), url('embed/no-such/'), url('_nginx/site.conf'), url('_headers')]) {
    const res = await get(nginx.origin + path);
    expect(res.status, path).toBe(404);
    expect(res.body.equals(page), path).toBe(true);
    expect(res.body.toString('utf8')).toMatch(/<h1[^>]*>Page not found<\/h1>/);
    expect(res.headers['content-security-policy'], path).toBe(`${policy}; frame-ancestors 'self'`);
    expect(res.headers['x-frame-options'], path).toBe('SAMEORIGIN');
    expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
  }
});

test('a directory without its slash redirects to it, relative to the server it is on', async ({ nginx }) => {
  const res = await get(nginx.origin + url('data'));
  expect(res.status).toBe(301);
  expect(res.headers.location).toBe(url('data/'));
});
