/**
 * Link-preview cards as an unfurler sees them: each built page read by an Open Graph reader
 * (open-graph-scraper, on the HTML, no network) must name its card by an absolute address under
 * SITE_URL and BASE_PATH that is a file in dist/, with its size, its alternative text and
 * twitter:card; every card decodes at exactly 1200 × 630 and stays within its byte budget. The
 * checks are proved on broken pages and a broken PNG. (A second build writing the same card bytes
 * is checked in reuse.test.ts, which makes that build.) Run `npm run build` first when running
 * alone, with the same BASE_PATH and SITE_URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ogs from 'open-graph-scraper';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/registry';
import { CARD_BUDGET, overBudget } from '../../src/charts/export/card';
import { cardNames, cardPath, pageCard } from '../../src/site/cards';
import { CLASS_PATHS } from '../../src/integrations/guess-api';
import { siteChart } from '../../src/site/charts';
import { filesUnder } from '../files';
import { decodePng } from './png';

const DIST = 'dist';
const SITE = new URL(process.env.SITE_URL || 'http://127.0.0.1:4321');
const BASE = new URL((process.env.BASE_PATH || '/').replace(/\/?$/, '/').replace(/^\/?/, '/'), SITE).href;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
});

interface Card {
  url: string;
  file: string;
  alt: string;
}

/** What an Open Graph reader finds wrong with a page's card, one line each; the card when it is right. */
async function readCard(html: string, dist: string): Promise<{ problems: string[]; card?: Card }> {
  const { result } = await ogs({ html });
  const problems: string[] = [];
  const image = result.ogImage?.[0];
  if (!image?.url) return { problems: ['no og:image'] };
  if (result.ogImage!.length !== 1) problems.push(`${result.ogImage!.length} og:image, not one`);
  if (!image.url.startsWith(BASE)) problems.push(`og:image ${image.url} is not an absolute address under ${BASE}`);
  const file = join(dist, decodeURIComponent(image.url.slice(BASE.length)));
  if (!existsSync(file)) problems.push(`og:image ${image.url} is no file in ${dist}/`);
  if (String(image.width) !== '1200' || String(image.height) !== '630') problems.push(`og:image is declared ${image.width} × ${image.height}, not 1200 × 630`);
  if (!image.alt?.trim()) problems.push('no og:image:alt');
  if (result.twitterCard !== 'summary_large_image') problems.push(`twitter:card is ${result.twitterCard ?? 'missing'}, not summary_large_image`);
  return { problems, card: problems.length ? undefined : { url: image.url, file, alt: image.alt! } };
}

const pages = filesUnder(DIST)
  .filter((f) => f.endsWith('.html'))
  .map((f) => relative(DIST, f))
  .sort();
/** The page's path under the base, as Base.astro is given it: "", "data/", "charts/<id>/". */
const pathOf = (page: string) => page.replace(/index\.html$/, '');
const noindex = (html: string) => /<meta name="robots" content="noindex"/.test(html);

describe('every page has a card an Open Graph reader finds', () => {
  test('the pages are the story, the reference pages, each chart page and each embed (the 404 page has none)', () => {
    for (const id of CHARTS.map((c) => c.id)) expect(pages).toEqual(expect.arrayContaining([`charts/${id}/index.html`, `embed/${id}/index.html`]));
    for (const page of ['index.html', 'data/index.html', 'teach/index.html', 'check/index.html', 'changes/index.html', 'charts/index.html']) expect(pages).toContain(page);
    const html = readFileSync(join(DIST, '404.html'), 'utf8');
    expect(noindex(html)).toBe(true);
    expect(html).not.toContain('og:image');
  });

  test.each(pages.filter((p) => p !== '404.html'))('%s', async (page) => {
    const html = readFileSync(join(DIST, page), 'utf8');
    const { problems, card } = await readCard(html, DIST);
    expect(problems).toEqual([]);
    const chart = /^(?:charts|embed)\/([^/]+)\/index\.html$/.exec(page)?.[1];
    if (chart) {
      // A chart's page and its embed share its card, described by the chart's own description.
      expect(card!.url).toBe(new URL(cardPath(chart), BASE).href);
      expect(card!.alt).toBe(siteChart(chart).spec.descriptions['full-time']);
    } else {
      expect(card!.url).toBe(new URL(pageCard(pathOf(page), SITE)!.path, BASE).href);
      expect(card!.alt).toBe(pageCard(pathOf(page), SITE)!.alt);
      expect(card!.alt.length).toBeGreaterThan(30);
    }
    // Embeds, and class mode's pages (a room's code is no page for a search engine), are noindex.
    expect(noindex(html)).toBe(page.startsWith('embed/') || (CLASS_PATHS as readonly string[]).includes(pathOf(page)));
  });

  test('the reader reports a page without a card, a relative or missing image, a wrong size, no alt and no twitter:card', async () => {
    const good = readFileSync(join(DIST, 'data/index.html'), 'utf8');
    expect((await readCard(good, DIST)).problems).toEqual([]);
    const cardUrl = new URL(cardPath('data'), BASE).href;
    const broken = (from: string | RegExp, to: string) => {
      const html = good.replace(from, to);
      expect(html).not.toBe(good);
      return readCard(html, DIST);
    };
    expect((await broken(/<meta property="og:image"[^>]*>/, '')).problems).toEqual(['no og:image']);
    expect((await broken(cardUrl, '/images/cards/data.png')).problems[0]).toMatch(/not an absolute address/);
    expect((await broken(cardUrl, cardUrl.replace('data.png', 'nothing.png'))).problems).toEqual([expect.stringMatching(/is no file in dist/)]);
    expect((await broken('content="630"', 'content="600"')).problems).toEqual([expect.stringMatching(/declared 1200 × 600/)]);
    expect((await broken(/<meta property="og:image:alt"[^>]*>/, '')).problems).toEqual(['no og:image:alt']);
    expect((await broken('content="summary_large_image"', 'content="summary"')).problems).toEqual([
      'twitter:card is summary, not summary_large_image',
    ]);
  });
});

describe('the cards', () => {
  const cards = filesUnder(join(DIST, 'images', 'cards')).sort();

  test('one PNG per card name: the story, the reference pages, each chart', () => {
    expect(cards.map((f) => relative(DIST, f))).toEqual(cardNames().map(cardPath).sort());
  });

  test.each(cards.map((f) => [relative(DIST, f), f]))('%s decodes at exactly 1200 × 630 and is within the budget', (_, file) => {
    const bytes = readFileSync(file);
    expect(decodePng(bytes)).toEqual({ width: 1200, height: 630 });
    expect(overBudget(file, bytes.length)).toBeNull();
    expect(bytes.length).toBeLessThanOrEqual(CARD_BUDGET);
  });

  test('the decoder rejects a PNG whose header promises another size, or whose data is cut', () => {
    const bytes = readFileSync(cards[0]!);
    const taller = Buffer.from(bytes);
    taller.writeUInt32BE(631, 20);
    expect(() => decodePng(taller)).toThrow(/not the \d+ that 1200 × 631 needs/);
    expect(() => decodePng(bytes.subarray(0, bytes.length - 12))).toThrow(/no IEND/);
    expect(() => decodePng(Buffer.from('not a png'))).toThrow(/signature/);
  });
});
