/**
 * "Reuse this work", as built in dist/: each chart's zip (its files, and the same bytes as a second
 * build with the same settings makes), its metadata (against a schema, and agreeing with its CSV), its CSV
 * (the rows the chart draws, in its order), the data each cohort shows, and the snippets and
 * citations on its page; and, from the same second build, the link-preview cards' bytes. Run
 * `npm run build` first when running alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CHARTS } from '../../src/charts/registry';
import { STORY_COHORTS } from '../../src/lib/cohort-url';
import { siteChart } from '../../src/site/charts';
import { shownRows } from '../../src/site/reuse';
import { shellEnv } from './env';

const SITE = new URL(process.env.SITE_URL || 'http://127.0.0.1:4321');
const read = (path: string) => {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return readFileSync(path);
};
/** A second build, with the settings dist/ was built with, to compare the zips byte for byte. */
let again = '';
beforeAll(() => {
  again = join(mkdtempSync(join(tmpdir(), 'reuse-')), 'dist');
  const env: Record<string, string> = {};
  if (process.env.SITE_URL) env.SITE_URL = process.env.SITE_URL;
  if (process.env.BASE_PATH) env.BASE_PATH = process.env.BASE_PATH;
  const result = spawnSync('npx', ['astro', 'build', '--outDir', again], { env: shellEnv(env), encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`second build failed:\n${result.stdout}\n${result.stderr}`);
}, 320_000);
afterAll(() => rmSync(join(again, '..'), { recursive: true, force: true }));

const csvRows = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

const citations = z.object({ apa: z.string().min(20), mla: z.string().min(20), chicago: z.string().min(20), bibtex: z.string().startsWith('@') });
const url = z.string().url();
/** What a chart's metadata must hold (issue: title, takeaway, description, figures, sources, licences, citations, addresses, date). */
const Metadata = z.object({
  id: z.string(),
  title: z.string().min(10),
  takeaway: z.string().min(10),
  descriptions: z.object({ 'full-time': z.string().min(20), freelancers: z.string().min(20), all: z.string().min(20) }),
  // A chart draws figures (figures.csv), or, for the press trail, retellings (coverage.csv).
  figures: z.array(z.object({ id: z.string(), value: z.number(), unit: z.string(), cohort: z.string(), quote: z.string(), sources: z.array(z.string()).min(1) })),
  retellings: z
    .array(z.object({ figure: z.string(), source: z.string(), wording: z.string().min(3), value: z.number().nullable(), drift: z.array(z.string()) }))
    .optional(),
  points: z.array(z.object({ key: z.string(), group: z.string(), value: z.number().nullable() })).min(1),
  sources: z.array(z.object({ id: z.string(), publisher: z.string(), title: z.string(), date: z.string().nullable(), url: url.nullable() })).min(1),
  licence: z.object({ name: z.literal('CC BY 4.0'), url, chart: z.string().min(40), quotes: z.string().min(40) }),
  citations: z.object({ note: z.string(), chart: citations, data: citations }),
  urls: z.object({ page: url, embed: url, csv: url, json: url, zip: url, shown: z.record(url), images: z.record(z.object({ png: url, svg: url })) }),
  dataLastChanged: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  dataVersion: z.number().int().min(1),
  changes: url,
}).refine((m) => m.figures.length + (m.retellings?.length ?? 0) > 0, 'draws neither figures nor retellings');

test('the second build draws the same link-preview cards, byte for byte', () => {
  const cards = readdirSync(join('dist', 'images', 'cards')).sort();
  expect(cards.length).toBeGreaterThan(CHARTS.length);
  expect(readdirSync(join(again, 'images', 'cards')).sort()).toEqual(cards);
  for (const name of cards) expect(readFileSync(join(again, 'images', 'cards', name)).equals(read(join('dist', 'images', 'cards', name))), name).toBe(true);
});

describe.each(CHARTS.map((c) => c.id))('chart %s', (id) => {
  test('its CSV holds the rows the chart draws, in its reading order, and the metadata agrees', () => {
    const { spec } = siteChart(id);
    const rows = csvRows(read(`dist/data/charts/${id}.csv`).toString('utf8'));
    const meta = Metadata.parse(JSON.parse(read(`dist/data/charts/${id}.json`).toString('utf8')));
    if (spec.figureIds.length) {
      expect(rows.map((r) => r.id)).toEqual(spec.figureIds);
      expect(meta.figures.map((f) => f.id)).toEqual(spec.figureIds);
      expect(meta.figures.map((f) => String(f.value))).toEqual(rows.map((r) => r.value));
      for (const f of meta.figures) for (const s of f.sources) expect(meta.sources.map((x) => x.id), `${f.id}: ${s}`).toContain(s);
    } else {
      // The press trail: one CSV row per retelling it draws, in the order of its points, each page among the sources.
      const keys = spec.points.flatMap((p) => (p.coverage ? [`${p.coverage.figure}/${p.coverage.sourceId}`] : []));
      expect(rows.map((r) => `${r.figure}/${r.source_id}`)).toEqual(keys);
      expect(meta.retellings!.map((r) => `${r.figure}/${r.source}`)).toEqual(keys);
      expect(meta.retellings!.map((r) => (r.value === null ? '' : String(r.value)))).toEqual(rows.map((r) => r.value));
      for (const r of meta.retellings!) expect(meta.sources.map((x) => x.id), r.source).toContain(r.source);
    }
    expect(meta.urls.csv).toBe(new URL(`data/charts/${id}.csv`, SITE).href);
  });

  test('the data each cohort shows is the rows about its groups, none else', () => {
    const all = csvRows(read(`dist/data/charts/${id}.csv`).toString('utf8'));
    let total = 0;
    for (const cohort of STORY_COHORTS) {
      const shown = csvRows(read(`dist/data/charts/${id}/${cohort}.csv`).toString('utf8'));
      if (!siteChart(id).spec.figureIds.length) {
        // The press trail is the same in every cohort: each cohort's file is the whole CSV.
        expect(shown).toEqual(all);
        continue;
      }
      expect(shown.map((r) => r.id)).toEqual(shownRows(id, cohort).map((r) => r.id));
      for (const r of shown) expect(all.map((a) => a.id)).toContain(r.id);
      total += shown.length;
    }
    expect(total).toBeLessThanOrEqual(all.length);
  });

  test('its zip holds the CSV, the metadata, a README and the PNG and SVG of each cohort, and is the same bytes every build', async () => {
    const built = read(`dist/data/charts/${id}.zip`);
    const files = unzipSync(new Uint8Array(built));
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', `${id}.csv`, `${id}.json`, ...STORY_COHORTS.flatMap((c) => [`${id}.${c}.png`, `${id}.${c}.svg`])].sort(),
    );
    expect(strFromU8(files[`${id}.csv`]!)).toBe(read(`dist/data/charts/${id}.csv`).toString('utf8'));
    expect(strFromU8(files[`${id}.json`]!)).toBe(read(`dist/data/charts/${id}.json`).toString('utf8'));
    expect(Buffer.from(files[`${id}.full-time.png`]!).subarray(1, 4).toString()).toBe('PNG');
    const readme = strFromU8(files['README.txt']!);
    for (const part of [siteChart(id).spec.title, 'WHAT IT CANNOT SHOW', 'SOURCES', 'CC BY 4.0', 'HOW TO CITE']) expect(readme).toContain(part);
    // A second build writes the same bytes.
    expect(readFileSync(join(again, 'data', 'charts', `${id}.zip`)).equals(built)).toBe(true);
  });

  test('its page offers the downloads, snippets that load its own CSV, and both citations in four styles', () => {
    const doc = new JSDOM(read(`dist/charts/${id}/index.html`).toString('utf8')).window.document;
    const reuse = doc.querySelector('[data-reuse]')!;
    expect(reuse.querySelector('h2')?.textContent).toBe('Reuse this work');
    const csv = new URL(`data/charts/${id}.csv`, SITE).href;
    const code = [...reuse.querySelectorAll('textarea.code')].map((t) => t.textContent!);
    expect(code.find((c) => c.includes('pd.read_csv'))).toContain(`pd.read_csv("${csv}")`);
    expect(code.find((c) => c.includes('read.csv('))).toContain(`read.csv("${csv}")`);
    expect(code).toContain(`=IMPORTDATA("${csv}")`);
    const hrefs = [...reuse.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    for (const path of [`data/charts/${id}.csv`, `data/charts/${id}.json`, `data/charts/${id}.zip`, ...STORY_COHORTS.map((c) => `data/charts/${id}/${c}.csv`)]) {
      expect(hrefs.some((h) => h.endsWith(path)), path).toBe(true);
    }
    const cites = reuse.querySelectorAll('textarea[data-cite-style]');
    expect(cites.length).toBe(8);
    // With JavaScript off, the retrieval date is a placeholder to fill in.
    for (const c of cites) expect(c.textContent, c.id).toMatch(/\[date retrieved\]|YYYY-MM-DD/);
  });
});
