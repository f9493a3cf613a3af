/**
 * Data for "twice as likely to quit". The report published a ratio (2×) between the most productive
 * AI users and colleagues who use AI less, but not the colleagues' rate, so there is no share to
 * draw. The coverage gives the ratio in two wordings, "to quit" and "to consider quitting": both are
 * kept, each with who published it. A small illustrative strip shows what the same 2× can mean
 * against different made-up baselines, labelled as such.
 */
import { scaleLinear } from 'd3-scale';
import type { Dataset } from '../../data/dataset';
import type { Figure } from '../../data/schema';
import { figureById, rivals } from '../../data/select';
import { whoSaid } from '../../data/attribution';
import { shareScale } from '../kit/scales';

/** The figure the claim is looked up from; its rivals come from its `claim` column. */
const ANCHOR_ID = 'quitting-twice';

/** Short wordings of each reading, by figure id; a reading not listed here falls back to its quote. */
const WORDINGS: Record<string, string> = {
  'quitting-twice': 'to quit',
  'quitting-twice-consider': 'to consider quitting',
};

/** Baselines (per 100 colleagues) for the illustrative strip: one small, one large. Not data. */
export const ILLUSTRATIVE_BASELINES = [5, 30] as const;

export interface QuitReading {
  figureId: string;
  /** "to quit". */
  wording: string;
  quote: string;
  /** "The Upwork Research Institute (the report's executive summary); TweakTown; ZDNet". */
  who: string;
  /** The note from figures.csv, for the "Show the numbers" table. */
  note: string;
}

export interface IllustrativeExample {
  /** Made-up share of colleagues, per 100. */
  baseline: number;
  /** baseline × ratio. */
  rate: number;
  /** rate − baseline: the extra people per 100. */
  extra: number;
  /** Bar lengths on the 0–100% share scale, % of the chart's width. */
  baselineX: number;
  rateX: number;
}

/** The ratio bars take three quarters of the width at the ratio (shares use the kit's 0–100% scale). */
const ratioScale = (ratio: number) => scaleLinear().domain([0, Math.max(ratio, 1)]).range([0, 75]);

export interface QuitData {
  /** The published ratio: 2 for "twice as likely". */
  ratio: number;
  /** Bar lengths, % of the chart's width: 1× and the published ratio, on a ratio scale with no baseline. */
  ratioX: { one: number; ratio: number };
  readings: QuitReading[];
  examples: IllustrativeExample[];
}

function quitReading(f: Figure, data: Dataset): QuitReading {
  return { figureId: f.id, wording: WORDINGS[f.id] ?? f.quote, quote: f.quote, who: whoSaid(f, data), note: f.note };
}

/** Illustrative rates for made-up baselines; a baseline whose rate would pass 100 is left out. */
export function illustrativeExamples(ratio: number, baselines: readonly number[] = ILLUSTRATIVE_BASELINES): IllustrativeExample[] {
  return baselines
    .map((baseline) => ({
      baseline,
      rate: baseline * ratio,
      extra: baseline * ratio - baseline,
      baselineX: shareScale(baseline),
      rateX: shareScale(baseline * ratio),
    }))
    .filter((e) => e.rate <= 100);
}

export function selectQuit(data: Dataset): QuitData {
  const anchor = figureById(data.figures, ANCHOR_ID);
  const readings = anchor.claim ? rivals(data.figures, anchor.claim) : [anchor];
  for (const r of readings) {
    if (r.unit !== 'times_as_likely') throw new Error(`"${r.id}" must be a ratio (unit times_as_likely), not ${r.unit}`);
  }
  const x = ratioScale(anchor.value);
  return {
    ratio: anchor.value,
    ratioX: { one: x(1), ratio: x(anchor.value) },
    readings: readings.map((r) => quitReading(r, data)),
    examples: illustrativeExamples(anchor.value),
  };
}
