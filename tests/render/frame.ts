/**
 * A chart rendered on the server as pages render it: its live body (ChartBody: the drawing and the
 * description, in one cohort) inside the server-only frame, passed as the frame's children the way
 * Astro passes a slot.
 */
import { createRawSnippet, type Component } from 'svelte';
import { render } from 'svelte/server';
import ChartBody from '../../src/charts/ChartBody.svelte';
import ChartFrame from '../../src/charts/primitives/ChartFrame.svelte';
import type { ChartProps, ChartSpec } from '../../src/charts/types';
import type { StoryCohort } from '../../src/lib/cohort-url';

export interface Framed {
  spec: ChartSpec;
  component: Component<ChartProps<any>>;
  data: unknown;
  cohort: StoryCohort;
  sourceLine?: string;
  dataHref?: string;
}

export function renderFramed({ spec, component, data, cohort, sourceLine = 'Sources: test', dataHref = '/data/' }: Framed): string {
  const uid = `chart-${spec.id}`;
  const body = render(ChartBody, { props: { component, data, descriptions: spec.pageDescriptions, uid, cohort } }).body;
  const children = createRawSnippet(() => ({ render: () => `<div class="island">${body}</div>` }));
  return render(ChartFrame, { props: { spec, cohort, sourceLine, dataHref, children } }).body;
}
