/**
 * The site deployed under a sub-path: one real build with BASE_PATH=/ai-at-work/ and a public
 * origin, checked for links, images, scripts, embed code, oEmbed, the sitemap, robots.txt and
 * _headers that escape the base, and for any file still holding the local preview's address; and
 * served by nginx with its generated include (scripts/serve-nginx.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { shellEnv } from './env';
import { contentHash } from '../../src/integrations/font-subset';
import { builtPages, listProblems, schemaErrors, sitemapEntries, SITEINDEX_XSD, SITEMAP_XSD } from './sitemap';
import { filesUnder } from '../files';
import { metaPolicy } from '../../src/lib/headers';
import { get, startNginx, stopNginx } from '../nginx/serve';

const ROOT = resolve(__dirname, '../..');
const BASE = '/ai-at-work/';
const ORIGIN = 'https://news.example.org';
let out = '';
let output = '';

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'base-path-')), 'dist');
  const result = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    cwd: ROOT,
    // Built without GUESS_API, whatever the shell has (npm test builds dist/ with it): no trace of the crowd.
    env: (({ GUESS_API: _, ...env }) => env)(shellEnv({ BASE_PATH: BASE, SITE_URL: ORIGIN })),
    encoding: 'utf8',
    timeout: 300_000,
  });
  output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`build failed:\n${output}`);
}, 320_000);
afterAll(() => rmSync(resolve(out, '..'), { recursive: true, force: true }));


describe(`a build under ${BASE}`, () => {
  test('every root-relative URL in every page stays under the base', () => {
    const pages = filesUnder(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const m of html.matchAll(/\s(?:href|src|component-url|renderer-url|before-hydration-url|content)="(\/[^"]*)"/g)) {
        expect(m[1]!.startsWith(BASE), `${page}: ${m[0]}`).toBe(true);
      }
      // No page's inline code imports anything (island and on-demand code come through module files).
      expect([...html.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[0]), page).toEqual([]);
      for (const m of html.matchAll(/\s(?:href|src|content)="(https?:\/\/[^"]*)"/g)) {
        if (m[1]!.startsWith(ORIGIN)) expect(m[1]!.startsWith(ORIGIN + BASE), `${page}: ${m[0]}`).toBe(true);
      }
    }
  });

  test("the scripts' dynamic imports (islands, the explorer) are relative to their own file, so they stay under the base", () => {
    const scripts = filesUnder(join(out, '_astro')).filter((f) => f.endsWith('.js'));
    let imports = 0;
    for (const script of scripts) {
      for (const m of readFileSync(script, 'utf8').matchAll(/import\("([^"]+)"\)/g)) {
        imports++;
        expect(m[1]!.startsWith('./'), `${script}: ${m[0]}`).toBe(true);
        expect(filesUnder(out), m[1]).toContain(join(dirname(script), m[1]!));
      }
    }
    expect(imports).toBeGreaterThan(0);
  });

  test('the embed code, oEmbed and images point under the base on the public origin', () => {
    const gallery = readFileSync(join(out, 'charts/index.html'), 'utf8');
    expect(gallery).toContain(`src=&quot;${ORIGIN}${BASE}embed/cohort-comparison/&quot;`);
    const oembed = JSON.parse(readFileSync(join(out, 'oembed/cohort-comparison.json'), 'utf8'));
    expect(oembed.html).toContain(`src="${ORIGIN}${BASE}embed/cohort-comparison/"`);
    expect(oembed.thumbnail_url).toBe(`${ORIGIN}${BASE}images/cohort-comparison.full-time.png`);
    expect(oembed.provider_url).toBe(`${ORIGIN}${BASE}`);
    expect(readFileSync(join(out, 'images/cohort-comparison.freelancers.svg'), 'utf8')).toContain(
      `${ORIGIN}${BASE}?cohort=freelancers#`,
    );
  });

  test('no file holds the local preview address: pages, CSV, JSON, the feed, XML, SVG, text, and every file in each zip; no warning', () => {
    const LOCAL = /127\.0\.0\.1|localhost:4321/;
    const found: string[] = [];
    const kinds = new Map<string, number>();
    const check = (name: string, bytes: Uint8Array) => {
      const ext = name.split('.').at(-1)!;
      kinds.set(ext, (kinds.get(ext) ?? 0) + 1);
      if (LOCAL.test(Buffer.from(bytes).toString('latin1'))) found.push(name);
    };
    for (const file of filesUnder(out)) {
      const name = file.slice(out.length + 1);
      const bytes = readFileSync(file);
      if (name.endsWith('.gz')) check(name.slice(0, -3), gunzipSync(bytes));
      else if (name.endsWith('.zip')) for (const [inner, data] of Object.entries(unzipSync(bytes))) check(`${name}: ${inner}`, data);
      else check(name, bytes);
    }
    expect(found).toEqual([]);
    for (const ext of ['html', 'csv', 'json', 'xml', 'svg', 'txt', 'png']) expect(kinds.get(ext) ?? 0, ext).toBeGreaterThan(0);
    expect(output).not.toContain('SITE_URL is not set');
  });

  test('the sitemap and robots.txt: under the base on the public origin, valid, every indexable page', () => {
    const site = `${ORIGIN}${BASE}`;
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toMatch(new RegExp(`^Sitemap: ${site}sitemap-index\\.xml$`, 'm'));
    expect(schemaErrors(join(out, 'sitemap-index.xml'), SITEINDEX_XSD)).toBeNull();
    expect(sitemapEntries(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).map((e) => e.loc)).toEqual([`${site}sitemap-0.xml`]);
    expect(schemaErrors(join(out, 'sitemap-0.xml'), SITEMAP_XSD)).toBeNull();
    const entries = sitemapEntries(readFileSync(join(out, 'sitemap-0.xml'), 'utf8'));
    expect(entries.length).toBeGreaterThan(10);
    for (const { loc } of entries) expect(loc.startsWith(site), loc).toBe(true);
    expect(listProblems(entries, builtPages(out))).toEqual([]);
  });

  test('the subset fonts, and the stylesheets that name them (here not inlined), are named by a hash of their own bytes; pages name them so', () => {
    const astro = filesUnder(join(out, '_astro'));
    const fonts = astro.filter((f) => f.endsWith('.woff2'));
    const naming = astro.filter((f) => f.endsWith('.css') && /\.woff2/.test(readFileSync(f, 'utf8')));
    expect(fonts.length).toBe(2);
    expect(naming.length).toBeGreaterThan(0);
    for (const f of [...fonts, ...naming]) expect(f.split('.').at(-2), f).toBe(contentHash(readFileSync(f)));
    const pages = filesUnder(out).filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8')).join('');
    for (const f of naming) expect(pages, f).toContain(`${BASE}_astro/${f.split('/').at(-1)}`);
  });

  test('built without GUESS_API: no file holds the crowd panel, class mode, their words, styles, chunks or /api/; connect-src is the site alone', () => {
    // The panel's own words (the /data/ page may describe readers' guesses in its own), and class
    // mode's: its pages, the Start a class section of /teach/ and its link from /present/, the
    // handout's join address, the code that starts and watches rooms, and their styles.
    const TRACES = [
      /\/api\//,
      /guess-crowd/,
      /data-crowd/,
      /Readers' guesses are not available/,
      /the crowd's middle guess/,
      /Too few readers have guessed/,
      /\bCrowd\b/,
      /__GUESS_API__/,
      /\bjoin\//,
      /\bclass\//,
      /Start a class/,
      /Run it as a class/,
      /class mode/i,
      /class-device/,
      /class-room/,
      /class-run/,
      /data-start-class/,
      /data-room/,
      /data-join/,
      /rooms\//,
      /EventSource/,
      /\.ch-(?:plot|bin|pub)/,
      /qr-ink/,
    ];
    const found: string[] = [];
    for (const file of filesUnder(out)) {
      const name = file.slice(out.length + 1);
      if (/\.(png|woff2|zip|gz)$/.test(name)) continue;
      const text = readFileSync(file, 'utf8');
      for (const re of TRACES) if (re.test(text)) found.push(`${name}: ${re}`);
    }
    expect(found).toEqual([]);
    expect(filesUnder(join(out, '_astro')).filter((f) => /crowd/i.test(f))).toEqual([]);
    // No class-mode page, nor a rule for one.
    for (const page of ['join', 'class']) expect(filesUnder(out).filter((f) => f.startsWith(join(out, page, '/')) || f === join(out, page))).toEqual([]);
    expect(readFileSync(join(out, '_headers'), 'utf8')).not.toMatch(/\/(?:join|class)\//);
    // /teach/ is the paper lesson: everyone writes down a guess.
    expect(readFileSync(join(out, 'teach/index.html'), 'utf8')).toContain('Everyone writes down a guess.');
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('data-guess="burnout-share"');
    expect(metaPolicy(home)).toContain("connect-src 'self';");
  });

  test('_headers rules are rewritten under the base', () => {
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    const paths = headers.split('\n').filter((l) => l.startsWith('/'));
    expect(paths.length).toBeGreaterThan(5);
    for (const p of paths) expect(p.startsWith(BASE.slice(0, -1)), p).toBe(true);
    expect(paths).toContain(`${BASE}embed/*`);
  });
});

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe(`nginx, serving the build under ${BASE}`, () => {
  test('pages, headers, files and the 404 page under the base; nothing outside it', async () => {
    const { child, origin } = await startNginx(await freePort(), out);
    try {
      const home = await get(`${origin}${BASE}`);
      expect(home.status).toBe(200);
      expect(home.body.equals(readFileSync(join(out, 'index.html')))).toBe(true);
      expect(home.headers['content-security-policy']).toBe(`${metaPolicy(home.body.toString('utf8'))}; frame-ancestors 'self'`);
      const embed = await get(`${origin}${BASE}embed/cohort-comparison/`);
      expect(embed.headers['content-security-policy']).toMatch(/; frame-ancestors 'self' http: https:$/);
      const css = filesUnder(join(out, '_astro')).find((f) => f.endsWith('.css'))!;
      const asset = await get(`${origin}${BASE}_astro/${css.split('/').at(-1)}`, { 'Accept-Encoding': 'gzip' });
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-encoding']).toBe('gzip');
      expect((await get(`${origin}${BASE}data`)).headers.location).toBe(`${BASE}data/`);
      for (const [path, type] of [['robots.txt', 'text/plain; charset=utf-8'], ['sitemap-index.xml', 'application/xml; charset=utf-8'], ['sitemap-0.xml', 'application/xml; charset=utf-8']]) {
        const res = await get(`${origin}${BASE}${path}`);
        expect([res.status, res.headers['content-type'], res.headers['cache-control']], path).toEqual([200, type, 'no-cache']);
      }
      const page404 = readFileSync(join(out, '404.html'));
      for (const path of [`${BASE}no-such-page/`, '/', '/data/', '/index.html']) {
        const res = await get(origin + path);
        expect(res.status, path).toBe(404);
        expect(res.body.equals(page404), path).toBe(true);
        expect(res.headers['content-security-policy'], path).toMatch(/; frame-ancestors 'self'$/);
      }
    } finally {
      await stopNginx(child);
    }
  });
});
