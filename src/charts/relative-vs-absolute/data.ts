/**
 * Data for the relative-vs-absolute explainer. The report's burnout "88" is published in two
 * readings: a share ("88% of top AI performers report burnout") and a comparison ("88% more likely
 * to be burned out" than colleagues who use AI less). The second needs a baseline the study never
 * published, so the chart lets the reader pick one and labels every number built on it
 * "illustrative". A separate study that did publish its baseline gives a real sense of scale.
 *
 * Everything here is pure: the component and the tests call the same arithmetic.
 */
import { whoSaid } from '../../data/attribution';
import type { Dataset } from '../../data/dataset';
import type { ContextFigure, Figure } from '../../data/schema';
import { figureById, sourcesOf } from '../../data/select';
import { COHORT_LABELS } from '../../data/vocab';
import { maxBaseline } from './arithmetic';

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
