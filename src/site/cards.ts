/**
 * The link-preview card of every page (og:image): which card a page has, its address under
 * images/cards/, its alternative text, and its PNG (drawn by charts/export/card.ts). The story has
 * its headline beside its first chart; each chart one card for its page and its embed, with the
 * chart; the other indexable pages a plain card with their title. Base.astro throws when an
 * indexable page has no card here.
 */
import { CHARTS } from '../charts/registry';
import { cardSvg, CARD_HEIGHT, CARD_WIDTH, overBudget, type CardText } from '../charts/export/card';
import { drawChart, png } from '../charts/export/compose';
import { loadData } from '../data/load';
import { formatDate } from '../data/select';
import { absolute } from '../lib/paths';
import { siteChart } from './charts';
import { CLASS_PATHS } from '../integrations/guess-api';

export { CARD_HEIGHT, CARD_WIDTH };

/** The story's headline: its <h1>, its title, and its card. */
export const STORY_HEADLINE = 'Heavy AI users report more burnout. What does the survey really show?';

/** The plain cards, by page path: a title and a line on what the page is for. */
const PAGES: Record<string, { name: string; title: string; sub: string }> = {
  'data/': {
    name: 'data',
    title: 'Every figure, with its source',
    sub: "Every published figure from the Upwork Research Institute's 2025 survey on AI at work, with its source, the source's own words and the rival readings. CSV and JSON to download.",
  },
  'teach/': {
    name: 'teach',
    title: 'Teach it: a lesson in reading a survey',
    sub: 'Discussion questions for every section, links that open a section for one group, a 45-minute lesson plan, a printable handout and citations.',
  },
  'check/': {
    name: 'check',
    title: 'Check a sentence',
    sub: 'Paste a sentence about the survey and see, for each number in it, the figure it matches, how it departs from the report and a faithful wording.',
  },
  'changes/': {
    name: 'changes',
    title: 'Record of changes',
    sub: 'Every change to the figures on this site, newest first: what changed, why, the figures it touched and the source that prompted it.',
  },
  'charts/': {
    name: 'charts',
    title: 'Charts to embed and download',
    sub: 'Every chart from the story, with embed code that resizes itself, PNG and SVG images, and the data.',
  },
  'present/': {
    name: 'present',
    title: 'Present the survey in class',
    sub: "The story's charts as full-screen slides, with the switch between freelancers and full-time employees on every slide.",
  },
  'accessibility/': {
    name: 'accessibility',
    title: 'Accessibility',
    sub: 'What a reader can do with a keyboard, a screen reader, sound, zoom, forced colours and reduced motion, and the known limits.',
  },
};

const STORY = 'story';

const chartIds = () => CHARTS.map((c) => c.id);

/** Every card's name, once: the story, the plain pages, then one per chart. */
export function cardNames(): string[] {
  const names = [STORY, ...Object.values(PAGES).map((p) => p.name), ...chartIds()];
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new Error(`cards: a chart id names a page's card too: ${twice.join(', ')}`);
  return names;
}

/** What a page's meta tags say about its card. */
export interface PageCard {
  /** Path under the base: "images/cards/data.png". */
  path: string;
  alt: string;
  width: number;
  height: number;
}

export const cardPath = (name: string) => `images/cards/${name}.png`;

/** The address as printed on a card: host and path, no scheme. */
const printed = (path: string, site: URL | undefined) => absolute(path, site).replace(/^https?:\/\//, '');

function report() {
  const r = loadData().sources.find((s) => s.kind === 'report');
  if (!r?.published) throw new Error('data/sources.csv needs the report, with its date');
  return r;
}

/** A card's texts (and, for a chart card or the story's, the chart it draws). */
function cardContent(name: string, site: URL | undefined): { text: CardText; chart?: string } {
  if (name === STORY) {
    const lead = siteChart(CHARTS[0]!.id);
    const r = report();
    return {
      chart: lead.entry.id,
      text: {
        title: STORY_HEADLINE,
        sub: 'A plain guide to the survey: what it found, how the press reported it, and what it cannot show.',
        source: `Source: ${r.publisher}, ${r.title}, ${formatDate(r.published)}`,
        url: printed('', site),
        alt: `The story's headline, "${STORY_HEADLINE}", beside its first chart: ${lead.spec.title}`,
      },
    };
  }
  const page = Object.entries(PAGES).find(([, p]) => p.name === name);
  if (page) {
    const [path, { title, sub }] = page;
    return { text: { title, sub, url: printed(path, site), alt: `${title}: ${sub}` } };
  }
  const { spec, sourceLine } = siteChart(name);
  return {
    chart: name,
    text: { title: spec.title, sub: spec.takeaway, source: sourceLine, url: printed(`charts/${name}/`, site), alt: spec.descriptions['full-time'] },
  };
}

const card = (name: string, site: URL | undefined): PageCard => ({
  path: cardPath(name),
  alt: cardContent(name, site).text.alt,
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
});

/** The card of a page at `path` under the base ("", "data/", "charts/<id>/"), or null if it has none. */
export function pageCard(path: string, site: URL | undefined): PageCard | null {
  if (path === '') return card(STORY, site);
  if (PAGES[path]) return card(PAGES[path].name, site);
  // Class mode's pages (a build with GUESS_API) come from the teaching kit, and share its card.
  if ((CLASS_PATHS as readonly string[]).includes(path)) return card(PAGES['teach/']!.name, site);
  const chart = /^charts\/([^/]+)\/$/.exec(path)?.[1];
  return chart && chartIds().includes(chart) ? card(chart, site) : null;
}

/** A chart's card, for its page and its embed. */
export const chartCard = (id: string, site: URL | undefined): PageCard => card(id, site);

/** The card's PNG at 1200 × 630, with the chart in the full-time cohort (the story's default); throws over budget. */
export async function cardPng(name: string, site: URL | undefined): Promise<Uint8Array> {
  const { text, chart } = cardContent(name, site);
  const drawing = chart ? drawChart(siteChart(chart), 'full-time') : undefined;
  const bytes = await png(cardSvg(text, drawing), 1);
  const over = overBudget(name, bytes.length);
  if (over) throw new Error(over);
  return bytes;
}
