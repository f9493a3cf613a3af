/**
 * schema.org Dataset JSON-LD as built: /data/ (the whole dataset) and every /charts/<id>/ (its
 * slice) carry one `<script type="application/ld+json">` block that parses, has the fields Google
 * Dataset Search reads, a description of 50–5,000 characters, and a distribution whose every
 * contentUrl names a file in dist/. Run `npm run build` first when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/registry';

const DIST = 'dist';
beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
});

/** The site's origin and base as built: from the canonical link of the home page. */
function siteRoot(): string {
  const canonical = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  if (!canonical) throw new Error('dist/index.html has no canonical link');
  return canonical;
}

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, body]) => JSON.parse(body!));
}

type Json = Record<string, unknown>;
const PAGES: [string, string][] = [['data/', 'data/index.html'], ...CHARTS.map((c): [string, string] => [`charts/${c.id}/`, `charts/${c.id}/index.html`])];

describe.each(PAGES)('/%s', (path, file) => {
  let ld: Json;
  let html: string;
  beforeAll(() => {
    html = readFileSync(join(DIST, file), 'utf8');
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(1);
    ld = blocks[0] as Json;
  });

  test('one Dataset with its name, creator, licence, dates, report and measurement technique', () => {
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('Dataset');
    expect(ld.url).toBe(new URL(path, siteRoot()).toString());
    expect(typeof ld.name).toBe('string');
    expect(ld.creator).toMatchObject({ '@type': 'Organization', name: expect.any(String), url: siteRoot() });
    expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(ld.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld.isBasedOn).toEqual({
      '@type': 'Report',
      name: 'From Tools to Teammates: Navigating the New Human-AI Relationship',
      author: [
        { '@type': 'Person', name: 'Gabby Burlacu' },
        { '@type': 'Person', name: 'Kelly Monahan' },
      ],
      publisher: { '@type': 'Organization', name: 'The Upwork Research Institute' },
      datePublished: '2025-07-09',
      url: 'https://www.upwork.com/research/navigating-human-ai-relationships',
    });
    expect(ld.measurementTechnique).toBe('Online survey; self-reported');
    const variables = ld.variableMeasured as Json[];
    expect(variables.length).toBeGreaterThan(0);
    for (const v of variables) expect(v).toMatchObject({ '@type': 'PropertyValue', name: expect.any(String) });
  });

  test('a description of 50 to 5,000 characters that keeps quoted wording the sources\'', () => {
    const d = ld.description as string;
    expect(d.length).toBeGreaterThanOrEqual(50);
    expect(d.length).toBeLessThanOrEqual(5000);
    expect(d).toMatch(/remains its sources'/);
  });

  test('every distribution is a DataDownload whose absolute contentUrl names a file in dist/', () => {
    const downloads = ld.distribution as Json[];
    const csvs = downloads.filter((d) => d.encodingFormat === 'text/csv');
    expect(csvs.length).toBeGreaterThan(0);
    expect(downloads.map((d) => d.contentUrl)).toContain(new URL('data/datapackage.json', siteRoot()).toString());
    if (path.startsWith('charts/')) expect(csvs.map((d) => d.contentUrl)).toEqual([new URL(`data/${path.replace(/\/$/, '')}.csv`, siteRoot()).toString()]);
    else expect(csvs.map((d) => String(d.contentUrl).split('/').pop())).toEqual(['figures.csv', 'sources.csv', 'context.csv', 'coverage.csv']);
    for (const d of downloads) {
      expect(d['@type']).toBe('DataDownload');
      const url = String(d.contentUrl);
      expect(url.startsWith(siteRoot()), url).toBe(true);
      expect(existsSync(join(DIST, url.slice(siteRoot().length))), url).toBe(true);
    }
  });

  test('written as a data block: no "<" inside it, after the CSP <meta>', () => {
    const body = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!;
    expect(body).not.toContain('<');
    expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(html.indexOf('application/ld+json'));
  });
});

test('a chart page describes its slice: one variable per figure it draws, part of the whole dataset', () => {
  for (const c of CHARTS) {
    const ld = jsonLdBlocks(readFileSync(join(DIST, 'charts', c.id, 'index.html'), 'utf8'))[0] as Json;
    const csv = readFileSync(join(DIST, 'data', 'charts', `${c.id}.csv`), 'utf8').trim().split('\n').slice(1);
    // Its first CSV column is the figure id; the press trail's is the headline figure it follows, one variable each.
    expect((ld.variableMeasured as Json[]).map((v) => v.propertyID), c.id).toEqual([...new Set(csv.map((row) => row.split(',')[0]))]);
    expect(ld.isPartOf).toMatchObject({ '@type': 'Dataset', url: new URL('data/', siteRoot()).toString() });
  }
});
