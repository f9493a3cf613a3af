/**
 * Build-time resolution of a registry entry into what the page ships: the chart's data plus its
 * texts and numbers table, precomputed for every cohort. The client bundle then needs only the
 * chart's component, not the selectors that built its data.
 */
import type { Dataset } from '../data/dataset';
import { STORY_COHORTS, type StoryCohort } from '../lib/cohort-url';
import { coverageOf, figureIdsOf } from './kit/points';
import type { ChartEntry, ChartSpec } from './types';

export function resolveChart<D>(entry: ChartEntry<D>, dataset: Dataset): { spec: ChartSpec; data: D } {
  const data = entry.select(dataset);
  const points = entry.points(data);
  const descriptions = Object.fromEntries(STORY_COHORTS.map((c) => [c, entry.describe(data, c)])) as Record<
    StoryCohort,
    string
  >;
  const pageDescriptions = Object.fromEntries(
    STORY_COHORTS.map((c) => {
      const shown = entry.shows?.(data, c);
      if (!shown) return [c, descriptions[c]];
      if (!descriptions[c].includes(shown)) throw new Error(`${entry.id}: the description (${c}) does not say what the chart shows: ${shown}`);
      return [c, descriptions[c].replace(shown, '').replace(/\s+/g, ' ').trim()];
    }),
  ) as Record<StoryCohort, string>;
  return {
    data,
    spec: {
      id: entry.id,
      title: entry.title,
      takeaway: entry.takeaway,
      section: entry.section,
      ...(entry.slide ? { slide: entry.slide } : {}),
      points,
      descriptions,
      pageDescriptions,
      figureIds: figureIdsOf(points),
      sourceIds: [...new Set(coverageOf(points).map((c) => c.sourceId))],
    },
  };
}
