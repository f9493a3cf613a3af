/**
 * Data for "who was asked": the 2,500 respondents split into C-suite executives, full-time
 * employees and freelancers (the sample-* rows), each with the 95% margin of error its size allows
 * (marginOfError in select.ts; a lower bound, as the panel was not a probability sample), placed
 * side by side along one 0–2,500 scale. Top AI performers, a subgroup of the full-time employees of
 * unpublished size, have neither a count nor a margin: they stay null ("Not reported").
 */
import { outlets } from '../../data/attribution';
import { scaleLinear } from 'd3-scale';
import type { Dataset } from '../../data/dataset';
import type { Figure } from '../../data/schema';
import { figureById, marginOfError } from '../../data/select';
import { COHORT_LABELS, type Cohort } from '../../data/vocab';
import type { StoryCohort } from '../../lib/cohort-url';

export interface SampleGroup {
  cohort: Cohort;
  /** The story cohort this group is, if the toggle offers it; executives have none. */
  side: StoryCohort | null;
  group: string;
  /** People asked, as published. */
  n: number;
  /** 95% margin of error in percentage points for a share of this group. */
  margin: number;
  /** Where the group's span starts and how wide it is, as % of the chart's width (whole sample = 100). */
  x: number;
  width: number;
  figureId: string;
  sources: string;
}

export interface SampleData {
  /** Everyone asked: spans the full width. */
  total: SampleGroup;
  /** The parts, in order along the scale; their counts add up to the total. */
  parts: SampleGroup[];
  /** Top AI performers: a subgroup of `parentCohort` whose size the study did not publish. */
  subgroup: {
    cohort: Cohort;
    side: StoryCohort;
    group: string;
    parentCohort: Cohort;
    parent: string;
    parentN: number;
    parentMargin: number;
    /** Always null: not published. Kept so the chart cannot draw it as zero. */
    n: null;
    margin: null;
  };
}

const SAMPLE_IDS: { id: string; cohort: Cohort; side: StoryCohort | null }[] = [
  { id: 'sample-executives', cohort: 'executives', side: null },
  { id: 'sample-full-time', cohort: 'full_time', side: 'full-time' },
  { id: 'sample-freelancers', cohort: 'freelancers', side: 'freelancers' },
];

export function selectSample(data: Dataset): SampleData {
  const all = figureById(data.figures, 'sample-all');
  const rows = SAMPLE_IDS.map((s) => ({ ...s, f: figureById(data.figures, s.id) }));
  const sum = rows.reduce((t, r) => t + r.f.value, 0);
  if (sum !== all.value) {
    throw new Error(`The sample-* rows of data/figures.csv do not add up: ${sum} in the parts, ${all.value} in sample-all`);
  }
  const x = scaleLinear().domain([0, all.value]).range([0, 100]);

  const group = (f: Figure, cohort: Cohort, side: StoryCohort | null, start: number): SampleGroup => ({
    cohort,
    side,
    group: COHORT_LABELS[cohort],
    n: f.value,
    margin: marginOfError(f.value),
    x: x(start),
    width: x(start + f.value) - x(start),
    figureId: f.id,
    sources: outlets(f, data),
  });

  let start = 0;
  const parts = rows.map((r) => {
    const g = group(r.f, r.cohort, r.side, start);
    start += r.f.value;
    return g;
  });
  const ft = rows.find((r) => r.cohort === 'full_time')!.f;

  return {
    total: group(all, 'all_respondents', 'all', 0),
    parts,
    subgroup: {
      cohort: 'top_ai_performers',
      side: 'full-time',
      group: COHORT_LABELS.top_ai_performers,
      parentCohort: 'full_time',
      parent: COHORT_LABELS.full_time,
      parentN: ft.value,
      parentMargin: marginOfError(ft.value),
      n: null,
      margin: null,
    },
  };
}
