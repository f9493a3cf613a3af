/**
 * The contract between the chart registry, the frame (Chart.svelte) and each chart. A chart's data
 * is computed at build time by its registry entry; the chart is drawn on the server with every
 * cohort's emphasis (kit/emphasis.ts) and ships no code unless it has a control (`island`).
 */
import type { Dataset } from '../data/dataset';
import type { StoryCohort } from '../lib/cohort-url';
import type { ChartMode } from './kit/context';
import type { ChartPoint } from './kit/points';

/** What every chart receives. `data` is the chart's own shape, built by its registry entry. */
export interface ChartProps<D = unknown> {
  data: D;
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
  /**
   * On a landscape slide of /present/, laid out by the frame: 'beside' puts one tall drawing on the
   * left and its notes, takeaway and sources on the right; 'columns' makes the chart's root a
   * two-column grid, its parts placed by the chart's own slide rules. By default the story layout.
   */
  slide?: 'beside' | 'columns';
  /** Builds the chart's data from the validated dataset, at build time. */
  select: (dataset: Dataset) => D;
  /** A text description for screen readers, written from the data. */
  describe: (data: D, cohort: StoryCohort) => string;
  /**
   * A part of the description that the chart's body also shows as text (a note on the group
   * chosen): the description keeps it where it stands alone (an image's text, alt text), and the page
   * leaves it out, since a screen reader reads it there as text (see ChartSpec.pageDescriptions).
   */
  shows?: (data: D, cohort: StoryCohort) => string;
  /**
   * The chart's data points, in reading order (kit/points.ts): the numbers table and the figure ids
   * of its source line and CSV are derived from them.
   */
  points: (data: D) => ChartPoint[];
  /**
   * The Svelte component, rendering ChartProps<D>: drawn on the server for pages (every cohort's
   * emphasis) and image exports (one cohort's). Typed loosely because .ts files see .svelte imports
   * through Astro's shim.
   */
  component: unknown;
  /**
   * The chart has a control of its own (relative-vs-absolute's slider): that part is an island, a
   * committed `src/charts/<id>/island.ts` wires it up in the browser (lib/islands.ts), and the page
   * loads the island loader. Every other chart is static: no code at all.
   */
  island?: true;
  /**
   * The drawing is the same in every cohort (the press trail): no mark stands for a cohort. Tests
   * that expect the toggle to change each drawing pass over it.
   */
  sameInEveryCohort?: true;
}

/** Everything the frame shows besides the drawing; plain JSON, so it can be an island prop. */
export interface ChartSpec {
  id: string;
  title: string;
  takeaway: string;
  section: string;
  slide?: 'beside' | 'columns';
  /** The data points, in reading order; the numbers table is numbersOf(points). */
  points: ChartPoint[];
  /** Screen-reader description for each cohort, whole: for images and alt text. */
  descriptions: Record<StoryCohort, string>;
  /** The description the page reads under the drawing: without what the body shows as text (ChartEntry.shows). */
  pageDescriptions: Record<StoryCohort, string>;
  figureIds: string[];
  /** The sources of the retellings it draws (points with a row of data/coverage.csv), each once. */
  sourceIds: string[];
}
