/**
 * Build-time resolution of a registry entry into what the page ships: the chart's data plus its
 * texts and numbers table, precomputed for every cohort. The client bundle then needs only the
 * chart's component, not the selectors that built its data.
 */
import type { Dataset } from '../data/dataset';
import { STORY_COHORTS, type StoryCohort } from '../lib/cohort-url';
import { coverageOf, figureIdsOf } from './kit/points';
import type { ChartEntry, ChartSpec } from './types';

export function resolveChart<D>(entry: ChartEntry<D>, dataset: Dataset): { spec: ChartSpec; data: unknown; whole: D } {
  const whole = entry.select(dataset);
  const points = entry.points(whole);
  const descriptions = Object.fromEntries(STORY_COHORTS.map((c) => [c, entry.describe(whole, c)])) as Record<
    StoryCohort,
    string
  >;
  return {
    // What the island (and every render of the component) gets; the detail gets the whole.
    data: entry.islandData ? entry.islandData(whole) : whole,
    whole,
    spec: {
      id: entry.id,
      title: entry.title,
      takeaway: entry.takeaway,
      section: entry.section,
      ...(entry.slide ? { slide: entry.slide } : {}),
      points,
      descriptions,
      figureIds: figureIdsOf(points),
      sourceIds: [...new Set(coverageOf(points).map((c) => c.sourceId))],
    },
  };
}
