/**
 * Rules every chart's server render keeps, as pure functions over the rendered HTML so they can be
 * proved on fixtures that break them (rules.test.ts), and the snapshot normaliser.
 */
import { JSDOM } from 'jsdom';
import type { NumberRow } from '../../src/charts/kit/points';

/**
 * Drops Svelte's hydration markers and its generated scoping classes (`svelte-1hacyai`, which change
 * with any CSS edit), then puts one tag per line, so a snapshot diff shows only a change of markup.
 */
export function normalise(html: string): string {
  return html
    .replace(/<!--[^>]*-->/g, '')
    .replace(/\sclass="([^"]*)"/g, (_, classes: string) => {
      const kept = classes.split(/\s+/).filter((c) => c && !/^svelte-[a-z0-9]+$/.test(c));
      return kept.length ? ` class="${kept.join(' ')}"` : '';
    })
    .replace(/>\s*</g, '>\n<')
    .trim();
}

/** How a chart may stand in for a value the study did not publish, and the words each must carry. */
const MISSING_WORDS: Record<string, RegExp> = {
  'not-reported': /Not reported/, // the hatched placeholder (NotReported.svg.svelte)
  illustrative: /illustrative/i, // a made-up value, labelled as such (the slider's baseline)
  unpublished: /not published/i, // a reference with no scale ("1× (rate not published)")
  'in-words': /in words/i, // a retelling that gives no number, only words ("nearly 9 in 10")
};

/** An SVG length of nothing: "0", "0%", "0.0px". */
const ZERO = /^\s*-?0*\.?0*\s*(%|px)?\s*$/;

/** The group a numbers-table row names, without its qualifier: "Top AI performers (some of …)" → "Top AI performers". */
export const groupKey = (group: string) => group.replace(/\s*\(.*\)\s*$/, '');

function textOf(el: Element): string {
  const labels = [el, ...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
  return `${el.textContent ?? ''} ${labels.join(' ')}`;
}

/**
 * What is wrong with a chart's drawing (its `.chart-body`, not the numbers table under it): a
 * zero-length bar anywhere; a missing value in the numbers table with no mark of its own in the
 * drawing (a `[data-missing]` element naming the row's group, carrying the words of its kind).
 */
export function drawingProblems(body: string, rows: readonly NumberRow[]): string[] {
  const doc = new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
  const drawing = doc.querySelector('.chart-body');
  if (!drawing) return ['no .chart-body in the render'];
  const problems: string[] = [];
  for (const rect of drawing.querySelectorAll('rect')) {
    for (const side of ['width', 'height']) {
      const v = rect.getAttribute(side);
      if (v !== null && ZERO.test(v)) problems.push(`a rect (${rect.getAttribute('class') ?? 'no class'}) has ${side}="${v}": a zero-length bar`);
    }
  }
  const marks = [...drawing.querySelectorAll('[data-missing]')];
  for (const mark of marks) {
    const kind = mark.getAttribute('data-missing')!;
    const words = MISSING_WORDS[kind];
    if (!words) problems.push(`data-missing="${kind}" is not one of ${Object.keys(MISSING_WORDS).join(', ')}`);
    else if (!words.test(textOf(mark))) problems.push(`the ${kind} mark for ${mark.getAttribute('data-group')} does not say ${words}`);
  }
  const needed = new Map<string, number>();
  for (const r of rows) if (r.value === null) needed.set(groupKey(r.group), (needed.get(groupKey(r.group)) ?? 0) + 1);
  for (const [group, n] of needed) {
    const have = marks.filter((m) => m.getAttribute('data-group') === group).length;
    if (have < n) problems.push(`${n} missing value(s) for "${group}" in the numbers table, ${have} mark(s) in the drawing`);
  }
  return problems;
}

/** Acronyms lower-cased by a sentence that inserted a label ("give it for top ai performers"). */
export function lowercasedAcronyms(body: string): string[] {
  const doc = new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
  const text = textOf(doc.body);
  return [...text.matchAll(/.{0,30}\bai\b.{0,10}/g)].map((m) => m[0]);
}

/**
 * The points of a chart that have no mark in its drawing for the keyboard explorer to ring: each
 * point's key must be the `data-point` of an element in the chart's body (a mark, or the sentence
 * that gives a number the drawing does not).
 */
export function pointsWithoutMarks(body: string, keys: readonly string[]): string[] {
  const start = body.indexOf('class="chart-body"');
  const end = body.indexOf('class="chart-tools"', start);
  const drawing = start >= 0 ? body.slice(start, end >= 0 ? end : undefined) : body;
  const marked = new Set([...drawing.matchAll(/\sdata-point="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));
  return keys.filter((k) => !marked.has(k));
}
