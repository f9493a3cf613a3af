/**
 * What the kit's owner (Kit.svelte) gives every layer: the chart's uid, the cohort and its emphasis,
 * and the mode the chart is drawn in. Layers read it with kit() and draw; they own no state.
 */
import { getContext, setContext } from 'svelte';
import type { Emphasis } from './emphasis';

/** Where a chart is drawn: the story, an embed, a slide of /present/, or an image export. */
export type ChartMode = 'story' | 'embed' | 'slide' | 'export';

/** One SVG layer of a chart, as an image export lays it out (recorded by Svg.svelte in export mode). */
export interface ExportLayer {
  /** Height, px. */
  height: number;
  /** A fixed width in the export (a square grid), or null to span the export's width. */
  width: number | null;
}

export interface KitContext {
  /** Unique prefix for ids inside the chart. */
  readonly uid: string;
  readonly mode: ChartMode;
  readonly emphasis: Emphasis;
  /** In export mode: every SVG layer drawn, in order, so the export takes them by construction. */
  readonly layers?: ExportLayer[];
}

const KEY = Symbol('chart-kit');

export function provideKit(ctx: KitContext): void {
  setContext(KEY, ctx);
}

export function kit(): KitContext {
  const ctx = getContext<KitContext | undefined>(KEY);
  if (!ctx) throw new Error('A chart layer was drawn outside the kit (wrap the chart in Kit.svelte)');
  return ctx;
}
