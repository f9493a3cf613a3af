/**
 * tests/drawn.ts without a layout engine (jsdom), where it reads what the markup draws by itself: an
 * image export, whose chosen cohort is drawn by attributes (charts/export/compose.ts). Every chart's
 * export differs in each cohort, but for those drawn the same in every cohort by design; and a page
 * drawing, whose emphasis only the page's CSS picks, reads as no cohort chosen, so nothing is taken
 * from the hooks (`data-for`) that CSS reads. What a browser draws with that CSS, and the proof that
 * a chart ignoring the cohort is caught, are in tests/e2e/drawn.spec.ts.
 */
import { JSDOM } from 'jsdom';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { drawChart } from '../../src/charts/export/compose';
import Kit from '../../src/charts/kit/Kit.svelte';
import { CHARTS } from '../../src/charts/registry';
import type { ChartProps } from '../../src/charts/types';
import { loadData } from '../../src/data/load';
import { STORY_COHORTS } from '../../src/lib/cohort-url';
import { drawnDiffers, drawnState } from '../drawn';

const dataset = loadData();
const read = (html: string) => drawnState(new JSDOM(`<!doctype html><body>${html}</body>`).window.document);
const PAIRS = STORY_COHORTS.flatMap((a, i) => STORY_COHORTS.slice(i + 1).map((b) => [a, b] as const));

describe('what an image export draws follows its cohort', () => {
  for (const entry of CHARTS) {
    const data = entry.select(dataset);
    const drawn = Object.fromEntries(STORY_COHORTS.map((c) => [c, read(drawChart({ entry, data }, c).layers.map((l) => l.markup).join(''))]));
    if (entry.sameInEveryCohort) {
      it(`${entry.id} draws the same in every cohort, as its entry says`, () => {
        for (const [a, b] of PAIRS) expect(drawnDiffers(drawn[a]!, drawn[b]!), `${a} vs ${b}`).toBe(false);
      });
    } else {
      it(`${entry.id} draws each cohort differently`, () => {
        for (const [a, b] of PAIRS) expect(drawnDiffers(drawn[a]!, drawn[b]!), `${a} vs ${b}`).toBe(true);
      });
    }
  }

  it('each part of the state sees its own change', () => {
    const entry = CHARTS.find((c) => c.id === 'cohort-comparison')!;
    const data = entry.select(dataset);
    const [a, b] = (['full-time', 'freelancers'] as const).map((c) => read(drawChart({ entry, data }, c).layers.map((l) => l.markup).join('')));
    for (const part of ['rects', 'labels', 'values'] as const) expect(a![part], part).not.toEqual(b![part]);
    const readings = CHARTS.find((c) => c.id === 'who-said-what')!;
    const [c, d] = (['full-time', 'all'] as const).map((k) => read(drawChart({ entry: readings, data: readings.select(dataset) }, k).layers.map((l) => l.markup).join('')));
    expect(c!.markers.length).toBeGreaterThan(0);
    expect(c!.markers).not.toEqual(d!.markers);
  });
});

describe('a page drawing, without the page CSS that picks its cohort', () => {
  for (const entry of CHARTS) {
    it(`${entry.id} reads as no cohort chosen`, () => {
      const chart = entry.component as Component<ChartProps<unknown>>;
      const { body } = render(Kit as unknown as Component<Record<string, unknown>>, {
        props: { chart, data: entry.select(dataset), cohort: null, uid: `chart-${entry.id}`, mode: 'story' },
      });
      const drawn = read(body);
      expect(drawn.labels.filter((l) => !l.endsWith(' ▶=none w=400'))).toEqual([]);
      expect(drawn.markers.filter((m) => m.includes(' grown '))).toEqual([]);
    });
  }
});
