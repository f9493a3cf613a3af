/**
 * Every chart, by id, in story order. The story, the embed pages and the chart gallery all render
 * from this one list, so a chart is defined once. Client-safe: no file-system imports.
 */
import type { ChartEntry } from './types';
import { comparison } from './cohort-comparison/entry';
import { freelancerGains } from './freelancer-gains/entry';
// registry:imports (one line per chart folder)
import { productivity } from './productivity/entry';
import { reporting } from './who-said-what/entry';
import { trail } from './press-trail/entry';
import { sample } from './who-was-asked/entry';
import { quitting } from './quit-twice/entry';
import { relative } from './relative-vs-absolute/entry';

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
