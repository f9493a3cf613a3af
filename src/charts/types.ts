/**
 * The contract between the chart registry, the frame and each chart. A chart's data is computed at
 * build time by its registry entry and passed to the island as plain JSON.
 */
import type { Dataset } from '../data/dataset';
import type { StoryCohort } from '../lib/cohort.svelte';

/** One line of a chart's "Show the numbers" table; `value` is null where the study published none. */
export interface NumberRow {
  /** The group, in words: "Top AI performers (full-time)". */
  group: string;
  /** What was asked or measured, in words. */
  measure: string;
  /** The value as written out ("88%", "88% more likely") or null for Not reported. */
  value: string | null;
  /** Outlets that published it ("Fortune; TweakTown"), or why it is missing. */
  source: string;
  /** The row on /data/, when there is one. */
  figureId: string | null;
}

/** What every chart receives. `data` is the chart's own shape, built by its registry entry. */
export interface ChartProps<D = unknown> {
  data: D;
  /** The cohort the reader chose; charts emphasise it. */
  cohort: StoryCohort;
  /** Unique prefix for ids inside the chart (patterns, labels), so two charts can share a page. */
  uid: string;
}

export interface ChartEntry<D = unknown> {
  id: string;
  /** The question the chart answers, as its title. */
  title: string;
  /** One-line takeaway under the chart. */
  takeaway: string;
  /** The story section it belongs to (its element id on /). */
  section: string;
  /** Builds the chart's data from the validated dataset, at build time. */
  select: (dataset: Dataset) => D;
  /** A text description for screen readers, written from the data. */
  describe: (data: D, cohort: StoryCohort) => string;
  /** The numbers table. */
  numbers: (data: D) => NumberRow[];
  /** The figure ids it draws, for the source line and the CSV of this chart. */
  figureIds: (data: D) => string[];
  /**
   * The Svelte component, rendering ChartProps<D>, for server renders (tests, image exports); the
   * page hydrates it through the chart folder's Island.svelte. Typed loosely because .ts files see
   * .svelte imports through Astro's shim.
   */
  component: unknown;
}

/** What a chart island receives from the page (plain JSON), besides its own component. */
export interface ShellProps {
  /** Titles, numbers and descriptions, resolved at build time. */
  spec: import('./resolve').ChartSpec;
  /** The chart's data, built at build time by its registry entry. */
  data: unknown;
  /** Source line under the chart. */
  sourceLine: string;
  /** Link to the chart's rows on /data/. */
  dataHref: string;
  /** Heading level of the chart title. */
  level?: 1 | 2 | 3;
  /** Where the frame's links open ("_top" in embeds). */
  linkTarget?: '_top';
}
