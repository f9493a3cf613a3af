/**
 * Every chart, by id, in story order. The story, the embed pages and the chart gallery all render
 * from this one list, so a chart is defined once. Client-safe: no file-system imports.
 */
import type { ChartEntry } from './types';
import { comparison, freelancerGains } from './CohortComparison/entry';
// registry:imports (one line per chart folder)
import { productivity } from './Productivity/entry';
import { reporting } from './Reporting/entry';
import { trail } from './Trail/entry';
import { sample } from './Sample/entry';
import { quitting } from './QuitVisual/entry';
import { relative } from './RelativeExplainer/entry';

// Each entry is typed for its own data; the registry only needs them as a list.
export const CHARTS: ChartEntry<any>[] = [
  productivity,
  relative,
  quitting,
  comparison,
  freelancerGains,
  reporting,
  trail,
  sample,
];

export function chartById(id: string): ChartEntry<unknown> {
  const entry = CHARTS.find((c) => c.id === id);
  if (!entry) throw new Error(`No chart "${id}" in src/charts/registry.ts`);
  return entry;
}
