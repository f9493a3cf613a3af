/**
 * Client-safe arithmetic and wording for the relative-vs-absolute chart: what the slider recomputes
 * in the browser. Imports no data code.
 */
import type { StoryCohort } from '../../lib/cohort-url';
import { formatDecimal } from '../../lib/format';
import { DEFAULT_BASELINE, MIN_BASELINE } from './constants';

/* ---- Arithmetic. Multipliers are kept in hundredths (188 for 88% more likely) so that 20 × 1.88
   comes out as exactly 37.6, not 37.599999999999994. ---- */

/** 88 (% more likely) → 1.88. */
export function multiplier(percentMore: number): number {
  return (100 + percentMore) / 100;
}

/** The heavy users' rate, per 100, for a baseline per 100: 20 and 88% more likely → 37.6. */
export function illustrativeRate(baseline: number, percentMore: number): number {
  return (baseline * (100 + percentMore)) / 100;
}

/** The largest whole baseline whose illustrative rate is at most 100 people in 100: 53 for 88%. */
export function maxBaseline(percentMore: number): number {
  return Math.floor((100 * 100) / (100 + percentMore));
}

/** A baseline the chart can draw: whole, between MIN_BASELINE and max; anything unreadable → the default. */
export function clampBaseline(value: number, max: number): number {
  const v = Number.isFinite(value) ? Math.round(value) : DEFAULT_BASELINE;
  return Math.min(max, Math.max(MIN_BASELINE, v));
}

/** A rate per 100 as whole people, for "about 38 of 100". */
export function aboutPeople(rate: number): number {
  return Math.round(rate);
}

/** Percentage points between two shares: 45 and 35 → 10. */
export function pointsApart(higher: number, lower: number): number {
  return higher - lower;
}

/** How much more likely, in %, one share is than another: 45 and 35 → 28.57… (about 29). */
export function percentMoreLikely(higher: number, lower: number): number {
  return (higher / lower - 1) * 100;
}

/** The illustrative numbers for one baseline, ready to print. */
export function illustrate(baseline: number, percentMore: number) {
  const rate = illustrativeRate(baseline, percentMore);
  return {
    baseline,
    rate,
    people: aboutPeople(rate),
    /** "20 × 1.88 = 37.6". */
    working: `${baseline} × ${formatDecimal(multiplier(percentMore))} = ${formatDecimal(rate)}`,
  };
}

/* ---- What the slider writes: the server render (Slider.svelte) and the island (island.ts) print
   the same words. ---- */

/** The slider's value text, and all a screen reader hears at each step. */
export function sliderValueText(baseline: number, percentMore: number): string {
  return `${baseline}% of colleagues, illustrative: about ${illustrate(baseline, percentMore).people} in 100 top AI performers`;
}

/** The colleagues' count under their grid, and the top AI performers' under theirs. */
export const colleaguesCount = (baseline: number) => `${baseline} of 100`;
export const performersCount = (baseline: number, percentMore: number) =>
  `about ${illustrate(baseline, percentMore).people} of 100`;

/** The sentence under the illustrative grids. */
export function workingSentence(baseline: number, percentMore: number): string {
  const shown = illustrate(baseline, percentMore);
  return (
    `If ${baseline} in 100 colleagues reported burnout, “${percentMore}% more likely” would mean ${shown.working} in 100 top AI ` +
    `performers: about ${shown.people} people (illustrative).`
  );
}

/** The context line's arithmetic, with its working: "45 ÷ 35 = 1.29", about 29% more likely. */
export function contextArithmetic(heavy: number, none: number) {
  return {
    points: pointsApart(heavy, none),
    ratio: formatDecimal(heavy / none),
    working: `${heavy} ÷ ${none} = ${formatDecimal(heavy / none)}`,
    percentMore: Math.round(percentMoreLikely(heavy, none)),
  };
}

/** One line on which group the figure describes, for the cohort the reader chose. */
export function cohortNote(cohort: StoryCohort, value: number): string {
  switch (cohort) {
    case 'full-time':
      return 'Top AI performers are the full-time employees who report the biggest productivity gains from AI. Both readings are about them.';
    case 'freelancers':
      return 'No burnout figure was published for freelancers — Not reported. The coverage of the study gives none for that group.';
    case 'all':
      return `No burnout figure was published for all respondents: the ${value} describes top AI performers only, a subgroup of full-time employees.`;
  }
}
