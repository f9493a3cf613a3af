/**
 * A chart's data points: one ordered list per chart, built at build time by its registry entry,
 * from which the numbers table, the figure ids of its source line and CSV, and (in the components)
 * the marks come. Each point is one drawn value, or one value the study did not publish. Keyboard
 * exploration walks the list in this order: points of one `series` are neighbours (Left/Right),
 * series follow each other (Up/Down). Client-safe: plain data and pure functions.
 */
import type { Unit } from '../../data/vocab';
import type { StoryCohort } from '../../lib/cohort-url';

/** What kind of number a point is; how it is read aloud ("88%, a share"). */
export type PointUnit = 'share' | 'more-likely' | 'ratio' | 'count' | 'index' | 'points';

/** The point unit of a published figure's unit (data/vocab.ts). */
export const POINT_UNIT: Record<Unit, PointUnit> = {
  percent: 'share',
  percent_more_likely: 'more-likely',
  times_as_likely: 'ratio',
  percent_increase: 'index',
  people: 'count',
  one_in: 'share',
};

/** How a drawing stands in for a value the study did not publish (see tests/render/rules.ts). */
export type Missing = 'not-reported' | 'illustrative' | 'unpublished' | 'in-words';

export interface ChartPoint {
  /** Unique within the chart and stable across builds: "burnout/freelancers". */
  key: string;
  /** The points that sit together (a topic, a panel, a claim): neighbours for Left/Right. */
  series: string;
  /** The group, as the numbers table names it: "Top AI performers (full-time)". */
  group: string;
  /** The story cohort the point belongs to, for emphasis and colour; null for context and reference rows. */
  side: StoryCohort | null;
  /** What was asked or measured, in words. */
  measure: string;
  /** The number itself, or null where the study published none. */
  value: number | null;
  unit: PointUnit;
  /** The value as written in the numbers table ("88%", "2× (twice as likely)"); null when missing. */
  text: string | null;
  /** Outlets that published it, or why it is missing. */
  source: string;
  /** The row on /data/, when there is one. */
  figureId: string | null;
  /** Set when value is null: how the drawing marks it. */
  missing?: Missing;
  /**
   * For a retelling on one page (the press trail), its row of data/coverage.csv: the chart's CSV
   * and source line come from these rows where a point has no figure id.
   */
  coverage?: { figure: string; sourceId: string };
}

/** One line of a chart's "Show the numbers" table; `value` is null where the study published none. */
export interface NumberRow {
  /** The group, in words: "Top AI performers (full-time)". */
  group: string;
  /** What was asked or measured, in words. */
  measure: string;
  /** The value as written out ("88%", "88% more likely") or null for Not reported. */
  value: string | null;
  /** Outlets that published it ("Fortune; TweakTown"), or why it is missing. */
  source: string;
  /** The row on /data/, when there is one. */
  figureId: string | null;
  /** How the row is missing, when `value` is null: the table says "Not reported" or "In words only". */
  missing?: Missing;
}

/** The numbers table: one row per point, in the list's order. */
export function numbersOf(points: readonly ChartPoint[]): NumberRow[] {
  return points.map((p) => ({ group: p.group, measure: p.measure, value: p.text, source: p.source, figureId: p.figureId, ...(p.missing ? { missing: p.missing } : {}) }));
}

/** The rows of data/coverage.csv a chart draws, each once, in the list's order. */
export function coverageOf(points: readonly ChartPoint[]): { figure: string; sourceId: string }[] {
  const seen = new Set<string>();
  return points.flatMap((p) => {
    if (!p.coverage) return [];
    const k = `${p.coverage.figure} ${p.coverage.sourceId}`;
    if (seen.has(k)) return [];
    seen.add(k);
    return [p.coverage];
  });
}

/** The figure ids a chart draws, each once, in the list's order (its source line and CSV). */
export function figureIdsOf(points: readonly ChartPoint[]): string[] {
  return [...new Set(points.flatMap((p) => (p.figureId ? [p.figureId] : [])))];
}

/**
 * What is wrong with a list of points: duplicate keys, a missing value with no way of marking it, a
 * value with no text, a text with no value. Registry tests run it on every chart.
 */
export function pointProblems(points: readonly ChartPoint[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of points) {
    if (seen.has(p.key)) problems.push(`point "${p.key}" appears twice`);
    seen.add(p.key);
    if (p.value === null && p.text !== null) problems.push(`point "${p.key}" has text "${p.text}" but no value`);
    if (p.value === null && !p.missing) problems.push(`point "${p.key}" has no value and no missing mark`);
    if (p.value !== null && p.text === null) problems.push(`point "${p.key}" has a value but no text`);
    if (p.value !== null && p.missing) problems.push(`point "${p.key}" has a value and a missing mark`);
  }
  return problems;
}
