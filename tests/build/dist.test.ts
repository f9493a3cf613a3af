/**
 * Assertions on the built site in dist/ (npm test builds before it runs these): the static images,
 * the oEmbed JSON, the per-chart CSV, _headers, the nginx include and the precompressed files. Run
 * `npm run build` first when running alone.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { CHARTS } from '../../src/charts/registry';
import { trail } from '../../src/charts/press-trail/entry';
import { TRAIL_CSV_COLUMNS } from '../../src/lib/downloads';
import { STORY_COHORTS } from '../../src/lib/cohort-url';
import { headersFor, metaPolicy, pagePath, parseHeaders } from '../../src/lib/headers';
import { configApi, configBase, nginxConfig, PRECOMPRESS } from '../../src/lib/nginx';
import { filesUnder } from '../files';
import { pngSize } from './png';

const DIST = 'dist';
beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
});

describe('static images', () => {
  const cases = CHARTS.flatMap((c) => STORY_COHORTS.map((cohort) => [c.id, cohort] as const));
  test.each(cases)('%s in %s: an SVG and a PNG at twice its size', (id, cohort) => {
    const svg = readFileSync(join(DIST, 'images', `${id}.${cohort}.svg`), 'utf8');
    const root = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg);
    expect(root, 'SVG root with size and viewBox').not.toBeNull();
    const [w, h] = [Number(root![1]), Number(root![2])];
    expect(w).toBe(640);
    expect(h).toBeGreaterThan(200);
    // Title, source line and credit are drawn in; the font is embedded; no CSS variable is left.
    const title = CHARTS.find((c) => c.id === id)!.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    expect(svg).toContain(`<title>${title.replace(/&quot;/g, '"')}</title>`);
    expect(svg).toContain('Sources: ');
    expect(svg).toContain('Chart: Tools to Teammates, explored');
    expect(svg).toMatch(/@font-face\{font-family:'Source Sans 3'[^}]*src:url\(data:font\/woff2;base64,/);
    expect(svg).not.toContain('var(--');
    expect(svg).not.toMatch(/svelte-[a-z0-9]{6}/);
    // Balanced markup: as many closing </svg> as opening <svg.
    expect((svg.match(/<svg\b/g) ?? []).length).toBe((svg.match(/<\/svg>/g) ?? []).length);

    const png = pngSize(readFileSync(join(DIST, 'images', `${id}.${cohort}.png`)));
    expect(png).toEqual({ width: w * 2, height: h * 2 });
  });
});

describe('oEmbed', () => {
  test.each(CHARTS.map((c) => c.id))('%s: a valid rich oEmbed response', (id) => {
    const json = JSON.parse(readFileSync(join(DIST, 'oembed', `${id}.json`), 'utf8'));
    expect(json.version).toBe('1.0');
    expect(json.type).toBe('rich');
    expect(json.provider_name).toBe('Tools to Teammates, explored');
    expect(json.provider_url).toMatch(/^https?:\/\//);
    expect(json.title).toBe(CHARTS.find((c) => c.id === id)!.title);
    expect(json.html).toMatch(new RegExp(`^<iframe src="[^"]+/embed/${id}/" title="[^"]+" width="\\d+" height="\\d+"[^>]*></iframe>$`));
    expect(json.html).not.toMatch(/<script/i);
    const thumb = new URL(json.thumbnail_url).pathname;
    const size = pngSize(readFileSync(join(DIST, thumb)));
    expect(size).toEqual({ width: json.thumbnail_width, height: json.thumbnail_height });
    expect(json.width).toBeGreaterThan(0);
    expect(json.height).toBeGreaterThan(0);
  });

  test('every embed and chart page advertises its oEmbed JSON', () => {
    for (const id of CHARTS.map((c) => c.id)) {
      for (const page of [`embed/${id}/index.html`, `charts/${id}/index.html`]) {
        const html = readFileSync(join(DIST, page), 'utf8');
        expect(html, page).toMatch(new RegExp(`<link rel="alternate" type="application/json\\+oembed" href="[^"]+/oembed/${id}\\.json"`));
      }
    }
  });
});

describe('per-chart data', () => {
  test.each(CHARTS.map((c) => c.id))('%s: its CSV holds the rows it draws, with the full column set', (id) => {
    const text = readFileSync(join(DIST, 'data', 'charts', `${id}.csv`), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    // The press trail's CSV holds retellings (coverage.csv) with their pages; every other chart's, figures.
    expect(parsed.meta.fields).toEqual(
      id === trail.id ? [...TRAIL_CSV_COLUMNS] : ['id', 'topic', 'cohort', 'value', 'unit', 'statement', 'source_ids', 'quote', 'note', 'claim'],
    );
    expect(parsed.data.length).toBeGreaterThan(0);
  });
});

describe('_headers', () => {
  const rules = parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8'));
  const pages = filesUnder(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((f) => pagePath(relative(DIST, f)));
  const csp = (path: string) => headersFor(rules, path).filter(([k]) => k === 'Content-Security-Policy').map(([, v]) => v);

  test('every page: nosniff and a referrer policy', () => {
    for (const path of pages) {
      const h = Object.fromEntries(headersFor(rules, path));
      expect(h['X-Content-Type-Options'], path).toBe('nosniff');
      expect(h['Referrer-Policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });

  /** A page's <meta> policy: a directory's index.html, or a page written as a file (/404.html). */
  const policy = (path: string) => metaPolicy(readFileSync(join(DIST, path.endsWith('.html') ? path : join(path, 'index.html')), 'utf8'));

  test('story and reference pages: their own policy, and may be framed by this site only', () => {
    const story = pages.filter((p) => !p.startsWith('/embed/'));
    expect(story.length).toBeGreaterThan(5);
    for (const path of story) {
      expect(csp(path), path).toEqual([`${policy(path)}; frame-ancestors 'self'`]);
      if (!path.endsWith('.html')) expect(csp(`${path}index.html`), path).toEqual(csp(path));
      expect(Object.fromEntries(headersFor(rules, path))['X-Frame-Options'], path).toBe('SAMEORIGIN');
    }
  });

  test('embed pages: their own policy, and may be framed by any http or https page, under one policy only', () => {
    const embeds = pages.filter((p) => p.startsWith('/embed/'));
    expect(embeds).toHaveLength(CHARTS.length);
    for (const path of embeds) {
      expect(csp(path), path).toEqual([`${policy(path)}; frame-ancestors 'self' http: https:`]);
      expect(Object.fromEntries(headersFor(rules, path))['X-Frame-Options'], path).toBeUndefined();
    }
  });
});

describe('nginx include and precompressed files', () => {
  const files = filesUnder(DIST);
  const text = files.filter((f) => PRECOMPRESS.test(f));

  test('_nginx/site.conf is what the generator makes of the built _headers, for this base', () => {
    const conf = readFileSync(join(DIST, '_nginx/site.conf'), 'utf8');
    const base = configBase(conf)!;
    expect(base).toMatch(/^\//);
    // `npm test` builds with GUESS_API=/api/: the include proxies it (tests/nginx/api.spec.ts).
    expect(conf).toBe(nginxConfig({ rules: parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8')), base, api: configApi(conf) }));
  });

  test('every text file over a few hundred bytes has a .gz beside it: level 9, the same bytes each build, its own time', () => {
    expect(text.length).toBeGreaterThan(50);
    for (const f of text) {
      const raw = readFileSync(f);
      if (raw.length < 300) continue;
      const gz = readFileSync(`${f}.gz`);
      expect(gunzipSync(gz).equals(raw), f).toBe(true);
      expect(gz.equals(gzipSync(raw, { level: 9 })), f).toBe(true);
      // No name and a zero time in the gzip header; the file's time is the original's, to the second
      // (as Last-Modified says it).
      expect(gz.subarray(3, 8).equals(Buffer.from([0, 0, 0, 0, 0])), f).toBe(true);
      expect(Math.floor(statSync(`${f}.gz`).mtimeMs / 1000), f).toBe(Math.floor(statSync(f).mtimeMs / 1000));
    }
  });

  test('nothing else is precompressed (fonts, images and zips are compressed already)', () => {
    const gz = files.filter((f) => f.endsWith('.gz')).map((f) => f.slice(0, -3));
    expect(gz.filter((f) => !PRECOMPRESS.test(f))).toEqual([]);
    expect(gz.length).toBeGreaterThan(50);
  });
});
