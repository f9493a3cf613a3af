/**
 * What a screen reader says, from the built HTML (npm run build first): a virtual screen reader
 * (@guidepup/virtual-screen-reader, in jsdom, no scripts run) walks every chart embed from top to
 * end, and the story from its start through its first two sections, next by next. In each walk:
 * - each chart's title, the description of the group chosen, its takeaway and every value of its
 *   numbers table ("Not reported" where there is none) are said, in that order;
 * - no sentence is said twice (the rule is in ./spoken.ts).
 * The story's "first two sections": the opening (the head, "What the study found", the table of
 * contents and the cohort switch) and the first two sections of the story proper, #productivity and
 * #burnout (src/sections/01, 02), with their two charts; the walk ends where #quitting begins.
 * One embed's walk is kept as text, a phrase a line: __snapshots__/quit-twice.spoken.txt.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { repeats, walk, walkFile, type Phrase } from './spoken';

const DIST = 'dist';
const EMBEDS = existsSync(join(DIST, 'embed')) ? readdirSync(join(DIST, 'embed')).sort() : [];
const FIXTURES = 'tests/fixtures/screen-reader';

const normalise = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

interface Expected {
  chart: string;
  /** Texts that must be said, in this order. */
  texts: string[];
}

/**
 * What each chart on a page must say, read from the page: its title, the description for the page's
 * cohort (<html data-cohort>: exactly one of the chart's descriptions is for it), its takeaway, then
 * the value column of its numbers table, row by row.
 */
function expectedCharts(html: string, within?: string): Expected[] {
  const { document } = new JSDOM(html).window;
  const root = within ? document.querySelector(within)! : document;
  return [...root.querySelectorAll<HTMLElement>('figure[data-chart]')].map((figure) => {
    const uid = figure.id;
    const cohort = document.documentElement.dataset.cohort ?? '';
    const forCohort = [...(document.getElementById(`${uid}-desc`)?.querySelectorAll<HTMLElement>('p[data-only]') ?? [])].filter((p) =>
      (p.dataset.only ?? '').split(' ').includes(cohort),
    );
    expect(forCohort, `${uid}: one description for the page's cohort (${cohort})`).toHaveLength(1);
    const description = normalise(forCohort[0]!.textContent);
    const values = [...figure.querySelectorAll('.numbers tbody tr')].map((tr) => normalise(tr.querySelectorAll('td')[1]?.textContent));
    const texts = [normalise(figure.querySelector('.chart-title')?.textContent), description, normalise(figure.querySelector('.takeaway')?.textContent), ...values];
    for (const t of texts) expect(t, `${uid}: nothing to look for`).not.toBe('');
    return { chart: figure.dataset.chart!, texts };
  });
}

/** The first text of `texts` not said in order after the one before it, or null if all are. */
function missingInOrder(phrases: Phrase[], texts: string[]): string | null {
  let at = 0;
  for (const text of texts) {
    const i = phrases.findIndex((p, n) => n >= at && !p.text.startsWith('end of') && normalise(p.text).includes(text));
    if (i < 0) return text;
    at = i + 1;
  }
  return null;
}

const spoken = (phrases: Phrase[]) => phrases.map((p) => p.text).join('\n') + '\n';
const described = (phrases: Phrase[], found: ReturnType<typeof repeats>) =>
  found.map((r) => `"${r.sentence}" (phrase ${r.first}: ${phrases[r.first]!.text.slice(0, 80)} … again at ${r.again}: ${phrases[r.again]!.text.slice(0, 80)})`);

describe('the repeat checker', () => {
  test('finds a figure that says its heading and its visible description again, and a mark that says "Not reported" twice', async () => {
    const phrases = await walkFile(join(FIXTURES, 'repeats.html'));
    const found = repeats(phrases).map((r) => r.sentence);
    expect(found).toEqual(
      expect.arrayContaining(['How many say so?', 'Freelancers were not asked.', 'Full-time employees: 40%.', 'Not reported']),
    );
  });

  test('passes the same figure when each fact is said once, and notes that recur from entry to entry', async () => {
    const phrases = await walkFile(join(FIXTURES, 'once.html'));
    expect(described(phrases, repeats(phrases))).toEqual([]);
    expect(spoken(phrases)).toContain('Freelancers were not asked.');
  });
});

describe.skipIf(!EMBEDS.length)('what a screen reader says', () => {
  test('there are eight embeds', () => {
    expect(EMBEDS).toHaveLength(8);
  });

  test.each(EMBEDS)('/embed/%s/: the title, the description, the takeaway and every value, in order; no sentence twice', async (id) => {
    const html = readFileSync(join(DIST, 'embed', id, 'index.html'), 'utf8');
    const charts = expectedCharts(html);
    expect(charts.map((c) => c.chart)).toEqual([id]);
    const phrases = await walk(html);
    expect(missingInOrder(phrases, charts[0]!.texts), 'said out of order, or not at all').toBeNull();
    expect(described(phrases, repeats(phrases))).toEqual([]);
    if (id === 'quit-twice') await expect(spoken(phrases)).toMatchFileSnapshot('./__snapshots__/quit-twice.spoken.txt');
  });

  test("the story's opening and first two sections: each chart in order; no sentence twice", async () => {
    // Only what the walk reaches: the page up to the third section, so jsdom builds a smaller tree.
    const dom = new JSDOM(readFileSync(join(DIST, 'index.html'), 'utf8'));
    const { document } = dom.window;
    const third = document.getElementById('quitting')!;
    expect(third, 'the third section').not.toBeNull();
    for (let el: Element | null = third; el && el !== document.body; el = el.parentElement) {
      while (el.nextElementSibling) el.nextElementSibling.remove();
    }
    third.remove();
    const html = dom.serialize();
    const charts = expectedCharts(html, 'main');
    expect(charts.map((c) => c.chart)).toEqual(['productivity', 'relative-vs-absolute']);
    const phrases = await walk(html);
    const said = spoken(phrases);
    for (const heading of ['What the study found', 'Workers feel faster with AI', 'The heaviest AI users report more burnout']) {
      expect(said).toContain(heading);
    }
    for (const c of charts) expect(missingInOrder(phrases, c.texts), `${c.chart}: said out of order, or not at all`).toBeNull();
    expect(missingInOrder(phrases, charts.map((c) => c.texts[0]!)), 'the charts in story order').toBeNull();
    expect(described(phrases, repeats(phrases))).toEqual([]);
  });
});
