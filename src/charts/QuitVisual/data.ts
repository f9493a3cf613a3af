/**
 * Data for "twice as likely to quit". The report published a ratio (2×) between the most productive
 * AI users and colleagues who use AI less, but not the colleagues' rate, so there is no share to
 * draw. The coverage gives the ratio in two wordings, "to quit" and "to consider quitting": both are
 * kept, each with who published it. A small illustrative strip shows what the same 2× can mean
 * against different made-up baselines, labelled as such.
 */
import type { Dataset } from '../../data/dataset';
import type { Figure } from '../../data/schema';
import { figureById, rivals } from '../../data/select';
import type { StoryCohort } from '../../lib/cohort.svelte';
import { whoSaid } from '../RelativeExplainer/data';

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
}

export interface QuitData {
  /** The published ratio: 2 for "twice as likely". */
  ratio: number;
  readings: QuitReading[];
  examples: IllustrativeExample[];
}

function quitReading(f: Figure, data: Dataset): QuitReading {
  return { figureId: f.id, wording: WORDINGS[f.id] ?? f.quote, quote: f.quote, who: whoSaid(f, data), note: f.note };
}

/** Illustrative rates for made-up baselines; a baseline whose rate would pass 100 is left out. */
export function illustrativeExamples(ratio: number, baselines: readonly number[] = ILLUSTRATIVE_BASELINES): IllustrativeExample[] {
  return baselines
    .map((baseline) => ({ baseline, rate: baseline * ratio, extra: baseline * ratio - baseline }))
    .filter((e) => e.rate <= 100);
}

export function selectQuit(data: Dataset): QuitData {
  const anchor = figureById(data.figures, ANCHOR_ID);
  const readings = anchor.claim ? rivals(data.figures, anchor.claim) : [anchor];
  for (const r of readings) {
    if (r.unit !== 'times_as_likely') throw new Error(`"${r.id}" must be a ratio (unit times_as_likely), not ${r.unit}`);
  }
  return {
    ratio: anchor.value,
    readings: readings.map((r) => quitReading(r, data)),
    examples: illustrativeExamples(anchor.value),
  };
}

/** "twice" for 2, "3 times" otherwise. */
export function ratioWords(ratio: number): string {
  return ratio === 2 ? 'twice' : `${ratio} times`;
}

/** One line on which group the ratio describes, for the cohort the reader chose. */
export function cohortNote(cohort: StoryCohort, ratio: number): string {
  switch (cohort) {
    case 'full-time':
      return 'The most productive AI users are the full-time employees who report the biggest productivity gains from AI (“top AI performers”).';
    case 'freelancers':
      return 'No quitting figure was published for freelancers — Not reported. The coverage of the study gives none for that group.';
    case 'all':
      return `No quitting figure was published for all respondents: the ${ratio}× describes the most productive AI users only, a subgroup of full-time employees.`;
  }
}
