/**
 * Data for the productivity chart, in three panels:
 * (a) the gain employees say AI gives them, drawn as an index where output before AI = 100, so the
 *     published 40 becomes 140 (self-reported, not measured output); freelancers have no published
 *     number and stay null ("Not reported");
 * (b) the share of C-suite executives who say they have seen productivity gains, with a 95% margin
 *     of error computed from the published number of executives asked;
 * (c) what workers credit for the gain, four shares with their margins.
 * Positions on each axis are worked out here, at build time, so the client ships no scale code.
 */
import { outlets } from '../../data/attribution';
import { scaleLinear } from 'd3-scale';
import { shareScale } from '../kit/scales';
import type { Dataset } from '../../data/dataset';
import type { Figure } from '../../data/schema';
import { byTopic, figureById, marginOfError, pick } from '../../data/select';
import { COHORT_LABELS } from '../../data/vocab';
import type { StoryCohort } from '../../lib/cohort-url';

/** Output before AI, by definition of the index. Not a published figure: the scale's reference. */
export const INDEX_BASE = 100;
/** The index axis runs from 0 (no truncation) to this, so that 140 sits inside the drawing. */
export const INDEX_MAX = 150;

/** The index axis, 0 to INDEX_MAX, as a percentage of the chart's width. */
export const indexScale = scaleLinear().domain([0, INDEX_MAX]).range([0, 100]).clamp(true);

/** Why the freelancers' cell is empty: one line, as EDITORIAL.md asks. */
export const FREELANCER_GAP =
  'The coverage gives no number for freelancers; the report’s summary says only that they are “just as productive with AI”.';

/** Where a tick sits on an axis: its value and its position, % of width. */
export interface Tick {
  value: number;
  x: number;
}

/** One group's estimated gain on the index, or null where the study published none. */
export interface GainCell {
  side: Exclude<StoryCohort, 'all'>;
  group: string;
  /** The published gain in percent (40), or null: Not reported. */
  gain: number | null;
  /** INDEX_BASE + gain (140), or null. */
  index: number | null;
  /** Bar end on the index axis, % of width; null when not reported. */
  x: number | null;
  figureId: string | null;
  /** Outlets, or why the figure is missing. */
  sources: string;
}

/** A published share with its computed 95% margin of error, placed on the 0–100% axis. */
export interface ShareWithMargin {
  figureId: string;
  /** Short label, fits one line at 288 px. */
  label: string;
  /** The published share, 0–100. */
  value: number;
  /** Margin of error in percentage points (marginOfError(n)). */
  margin: number;
  /** Bar end, and the ends of the error bar, as % of the chart's width. */
  x: number;
  low: number;
  high: number;
}

export interface ProductivityData {
  /** Ticks of the 0–100% axis of panels (b) and (c); shares run on the full axis (EDITORIAL.md: no truncated axes). */
  shareTicks: Tick[];
  index: {
    base: number;
    /** Bar end for the baseline (before AI), % of width. */
    baseX: number;
    /** Gridline positions of the index axis. */
    ticks: Tick[];
    cells: GainCell[];
  };
  executives: ShareWithMargin & {
    group: string;
    /** Number of executives asked (sample-executives). */
    n: number;
    sampleId: string;
    /** Outlets that published the number asked. */
    sampleSources: string;
    sources: string;
  };
  credits: {
    group: string;
    /** Number of full-time employees asked (sample-full-time), the base assumed for the margins. */
    n: number;
    margin: number;
    sampleId: string;
    sampleSources: string;
    sources: string;
    items: ShareWithMargin[];
  };
}

/** "time to experiment with the tools" -> "Time to experiment with the tools". */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function withMargin(f: Figure, label: string, n: number): ShareWithMargin {
  const margin = marginOfError(n);
  return {
    figureId: f.id,
    label,
    value: f.value,
    margin,
    x: shareScale(f.value),
    low: shareScale(f.value - margin),
    high: shareScale(f.value + margin),
  };
}

/** The index a self-reported gain stands for: 100 before AI, 100 + gain with it (40 -> 140). */
export const toIndex = (gain: number) => INDEX_BASE + gain;

export function selectProductivity(data: Dataset): ProductivityData {
  const figures = data.figures;

  const gainCell = (side: GainCell['side']): GainCell => {
    const cohort = side === 'full-time' ? 'full_time' : 'freelancers';
    const f = pick(figures, 'productivity', cohort);
    if (!f || f.unit !== 'percent_increase') {
      return { side, group: COHORT_LABELS[cohort], gain: null, index: null, x: null, figureId: null, sources: FREELANCER_GAP };
    }
    const index = toIndex(f.value);
    return { side, group: COHORT_LABELS[cohort], gain: f.value, index, x: indexScale(index), figureId: f.id, sources: outlets(f, data) };
  };

  const exec = figureById(figures, 'productivity-executives');
  const execSample = figureById(figures, 'sample-executives');
  const ftSample = figureById(figures, 'sample-full-time');
  const credits = byTopic(figures, 'productivity_credit');

  return {
    shareTicks: [0, 50, 100].map((value) => ({ value, x: shareScale(value) })),
    index: {
      base: INDEX_BASE,
      baseX: indexScale(INDEX_BASE),
      ticks: [0, 50, 100, 150].map((value) => ({ value, x: indexScale(value) })),
      cells: [gainCell('full-time'), gainCell('freelancers')],
    },
    executives: {
      ...withMargin(exec, COHORT_LABELS.executives, execSample.value),
      group: COHORT_LABELS.executives,
      n: execSample.value,
      sampleId: execSample.id,
      sampleSources: outlets(execSample, data),
      sources: outlets(exec, data),
    },
    credits: {
      group: COHORT_LABELS.full_time,
      n: ftSample.value,
      margin: marginOfError(ftSample.value),
      sampleId: ftSample.id,
      sampleSources: outlets(ftSample, data),
      sources: [...new Set(credits.map((f) => outlets(f, data)))].join('; '),
      items: credits.map((f) => withMargin(f, sentence(f.quote), ftSample.value)),
    },
  };
}
