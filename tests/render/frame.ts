/**
 * A chart rendered on the server as pages render it, by the site's own component (Chart.svelte:
 * the frame, the drawing with every cohort's emphasis, each cohort's description); and a chart's
 * drawing in one cohort as an image export draws it (the kit with a fixed cohort).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import Chart from '../../src/charts/Chart.svelte';
import Kit from '../../src/charts/kit/Kit.svelte';
import type { ChartProps, ChartSpec } from '../../src/charts/types';
import type { StoryCohort } from '../../src/lib/cohort-url';

export interface Framed {
  spec: ChartSpec;
  component: Component<ChartProps<any>>;
  data: unknown;
  sourceLine?: string;
  dataHref?: string;
}

export function renderFramed({ spec, component, data, sourceLine = 'Sources: test', dataHref = '/data/' }: Framed): string {
  return render(Chart, { props: { component, data, spec, sourceLine, dataHref } }).body;
}

/** The drawing alone in one cohort, as an image export draws it (no page to pick the cohort). */
export function renderImage({ spec, component, data }: Framed, cohort: StoryCohort): string {
  return render(Kit as unknown as Component<Record<string, unknown>>, {
    props: { chart: component, data, cohort, uid: `x-${spec.id}`, mode: 'export', layers: [] },
  }).body;
}
