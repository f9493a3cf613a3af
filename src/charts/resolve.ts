/**
 * Build-time resolution of a registry entry into what the page ships: the chart's data plus its
 * texts and numbers table, precomputed for every cohort. The client bundle then needs only the
 * chart's component (components.ts), not the selectors that built its data.
 */
import type { Dataset } from '../data/dataset';
import { STORY_COHORTS, type StoryCohort } from '../lib/cohort.svelte';
import type { ChartEntry, NumberRow } from './types';

/** Everything the frame shows besides the drawing; plain JSON, so it can be an island prop. */
export interface ChartSpec {
  id: string;
  title: string;
  takeaway: string;
  section: string;
  numbers: NumberRow[];
  /** Screen-reader description for each cohort. */
  descriptions: Record<StoryCohort, string>;
  figureIds: string[];
}

export function resolveChart<D>(entry: ChartEntry<D>, dataset: Dataset): { spec: ChartSpec; data: D } {
  const data = entry.select(dataset);
  const descriptions = Object.fromEntries(STORY_COHORTS.map((c) => [c, entry.describe(data, c)])) as Record<
    StoryCohort,
    string
  >;
  return {
    data,
    spec: {
      id: entry.id,
      title: entry.title,
      takeaway: entry.takeaway,
      section: entry.section,
      numbers: entry.numbers(data),
      descriptions,
      figureIds: entry.figureIds(data),
    },
  };
}
