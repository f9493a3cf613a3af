/**
 * Data for the relative-vs-absolute explainer. The report's burnout "88" is published in two
 * readings: a share ("88% of top AI performers report burnout") and a comparison ("88% more likely
 * to be burned out" than colleagues who use AI less). The second needs a baseline the study never
 * published, so the chart lets the reader pick one and labels every number built on it
 * "illustrative". A separate study that did publish its baseline gives a real sense of scale.
 *
 * Everything here is pure: the component and the tests call the same arithmetic.
 */
import { format } from 'd3-format';
import type { Dataset } from '../../data/dataset';
import type { ContextFigure, Figure, Source } from '../../data/schema';
import { figureById, sourcesOf } from '../../data/select';
import { COHORT_LABELS } from '../../data/vocab';
import type { StoryCohort } from '../../lib/cohort.svelte';

/** The baseline the chart opens with, before the reader moves the slider. Illustrative only. */
export const DEFAULT_BASELINE = 20;
/** The lowest baseline offered: one colleague in 100. */
export const MIN_BASELINE = 1;

/** One published reading of a figure, with who published it. */
export interface Reading {
  figureId: string;
  value: number;
  /** The short quote as published. */
  quote: string;
  /** "Fortune (a commentary by the report's own authors; a newsletter)". */
  who: string;
}

/** A share from the other study, used only as labelled context. */
export interface ContextShare {
  figureId: string;
  /** "Frequent AI users". */
  group: string;
  value: number;
}

export interface RelativeData {
  /** "88% of top AI performers report feeling burned out" (unit percent). */
  share: Reading;
  /** "88% more likely to be burned out" (unit percent_more_likely). */
  moreLikely: Reading;
  /** The largest whole baseline for which baseline × (1 + moreLikely) stays within 100 people. */
  maxBaseline: number;
  context: {
    /** The firm that ran the other study. */
    study: string;
    /** Outlet(s) that reported it: "CNBC". */
    outlet: string;
    heavy: ContextShare;
    none: ContextShare;
  };
}

/** Cohort ids used in data/context.csv for the two groups the context line compares. */
const CONTEXT_IDS = { heavy: 'qw-burnout-frequent', none: 'qw-burnout-non-users' } as const;
const CONTEXT_STUDY = 'Quantum Workplace';

/** What a source is, in a few words, for the "who said it" line; '' where the outlet name says it all. */
function describeSource(s: Source, report: Source | undefined): string {
  if (s.kind === 'report') return "the report's executive summary";
  if (report && s.authors.length && s.authors.every((a) => report.authors.includes(a))) {
    return "a commentary by the report's own authors";
  }
  if (s.kind === 'newsletter') return 'a newsletter';
  if (s.kind === 'podcast') return 'a podcast';
  if (s.kind === 'press-release') return 'a press release';
  return '';
}

/**
 * Who published a figure, by outlet, in source order:
 * "The Upwork Research Institute (the report's executive summary); TweakTown; ZDNet".
 */
export function whoSaid(figure: Pick<Figure, 'source_ids'>, data: Pick<Dataset, 'sources'>): string {
  const report = data.sources.find((s) => s.kind === 'report');
  const byOutlet = new Map<string, string[]>();
  for (const s of sourcesOf(figure, data.sources)) {
    const kinds = byOutlet.get(s.publisher) ?? [];
    const d = describeSource(s, report);
    if (d && !kinds.includes(d)) kinds.push(d);
    byOutlet.set(s.publisher, kinds);
  }
  return [...byOutlet].map(([outlet, kinds]) => (kinds.length ? `${outlet} (${kinds.join('; ')})` : outlet)).join('; ');
}

function reading(f: Figure, data: Dataset): Reading {
  return { figureId: f.id, value: f.value, quote: f.quote, who: whoSaid(f, data) };
}

function contextShare(f: ContextFigure): ContextShare {
  if (f.unit !== 'percent') throw new Error(`Context figure "${f.id}" must be a share (unit percent), not ${f.unit}`);
  return { figureId: f.id, group: COHORT_LABELS[f.cohort], value: f.value };
}

export function selectRelative(data: Dataset): RelativeData {
  const share = figureById(data.figures, 'burnout-share');
  const moreLikely = figureById(data.figures, 'burnout-more-likely');
  if (share.unit !== 'percent') throw new Error(`"burnout-share" must be a share (unit percent), not ${share.unit}`);
  if (moreLikely.unit !== 'percent_more_likely') {
    throw new Error(`"burnout-more-likely" must have unit percent_more_likely, not ${moreLikely.unit}`);
  }
  const heavy = figureById(data.context, CONTEXT_IDS.heavy);
  const none = figureById(data.context, CONTEXT_IDS.none);
  const outlets = [...new Set([...sourcesOf(heavy, data.sources), ...sourcesOf(none, data.sources)].map((s) => s.publisher))];
  return {
    share: reading(share, data),
    moreLikely: reading(moreLikely, data),
    maxBaseline: maxBaseline(moreLikely.value),
    context: {
      study: CONTEXT_STUDY,
      outlet: outlets.join('; '),
      heavy: contextShare(heavy),
      none: contextShare(none),
    },
  };
}

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

/** Up to two decimals, trailing zeros dropped: 37.6, 99.64, 47, 1.88. */
export const formatDecimal = format('.2~f');

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

/** The context line's arithmetic, with its working: "45 ÷ 35 = 1.29", about 29% more likely. */
export function contextArithmetic(heavy: number, none: number) {
  return {
    points: pointsApart(heavy, none),
    ratio: formatDecimal(heavy / none),
    working: `${heavy} ÷ ${none} = ${formatDecimal(heavy / none)}`,
    percentMore: Math.round(percentMoreLikely(heavy, none)),
  };
}

/** "Frequent AI users" → "frequent AI users": lower-cases the first letter only, keeping "AI". */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
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
