/**
 * Every chart in the registry, rendered on the server (as the story and embeds are) in each cohort,
 * compared as text snapshots (Svelte's generated classes removed), plus rules every chart must keep
 * (rules.ts): a title and source line, a mark in the drawing for every value the numbers table
 * lacks, never a zero-length bar, group names with their capitals.
 */
import { coverageOf, figureIdsOf, numbersOf, pointProblems } from '../../src/charts/kit/points';
import { describe, expect, test } from 'vitest';
import type { Component } from 'svelte';
import type { ChartProps } from '../../src/charts/types';
import { renderFramed } from './frame';
import { CHARTS } from '../../src/charts/registry';
import { resolveChart } from '../../src/charts/resolve';
import { loadData } from '../../src/data/load';
import { STORY_COHORTS } from '../../src/lib/cohort-url';
import { drawingProblems, lowercasedAcronyms, normalise, pointsWithoutMarks } from './rules';

const dataset = loadData();

function renderChart(entry: (typeof CHARTS)[number], cohort: (typeof STORY_COHORTS)[number]) {
  const { spec, data } = resolveChart(entry, dataset);
  const component = entry.component as Component<ChartProps<unknown>> | undefined;
  if (!component) throw new Error(`no component for ${entry.id}`);
  return { data, body: renderFramed({ spec, component, data, cohort }) };
}

describe.each(CHARTS.map((c) => [c.id, c] as const))('chart %s', (id, entry) => {
  test.each(STORY_COHORTS)('server render in cohort %s matches its snapshot', async (cohort) => {
    const { body } = renderChart(entry, cohort);
    // No generated class reaches a snapshot, so a CSS edit never rewrites one.
    expect(normalise(body)).not.toMatch(/svelte-[a-z0-9]+/);
    await expect(normalise(body)).toMatchFileSnapshot(`__snapshots__/${id}.${cohort}.html`);
  });

  test.each(STORY_COHORTS)('keeps the frame rules in cohort %s', (cohort) => {
    const { data, body } = renderChart(entry, cohort);
    expect(body).toContain(`data-chart="${id}"`);
    expect(body).toContain(entry.title);
    expect(body).toContain('Show the numbers');
    expect(body).toContain('Sources: test');
    expect(body).toMatch(/<svg[^>]*>/);
    // Every value the numbers table lacks has its own mark in the drawing ("Not reported", or a
    // baseline labelled illustrative or not published), and no bar has zero length (rules.ts).
    expect(drawingProblems(body, numbersOf(entry.points(data)))).toEqual([]);
    // The keyboard explorer can ring every point: each has a mark (or sentence) with its key.
    expect(pointsWithoutMarks(body, entry.points(data).map((p) => p.key))).toEqual([]);
    // Group names keep their capitals inside sentences ("top AI performers", never "top ai performers").
    expect(lowercasedAcronyms(body)).toEqual([]);
    // Chart ids are unique within the page fragment (patterns, labels).
    const ids = [...body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('its data points are well formed: unique keys, a value with its text, a missing value with its mark', () => {
    expect(pointProblems(entry.points(entry.select(dataset)))).toEqual([]);
  });

  test('every figure id it draws exists in the data (or, for the press trail, every retelling)', () => {
    const data = entry.select(dataset);
    const known = new Set([...dataset.figures, ...dataset.context].map((f) => f.id));
    const ids = figureIdsOf(entry.points(data));
    const retold = coverageOf(entry.points(data));
    expect(ids.length + retold.length).toBeGreaterThan(0);
    for (const fid of ids) expect(known).toContain(fid);
    const rows = new Set(dataset.coverage.map((c) => `${c.figure}/${c.source_id}`));
    for (const c of retold) expect(rows).toContain(`${c.figure}/${c.sourceId}`);
  });
});

test('the comparison chart marks the selected cohort and draws Not reported for missing cells', () => {
  const entry = CHARTS.find((c) => c.id === 'cohort-comparison')!;
  const { body } = renderChart(entry, 'freelancers');
  // Freelancers have no published burnout figure: a placeholder, not a bar.
  const html = normalise(body);
  const burnout = html.slice(html.indexOf('data-topic="burnout"'), html.indexOf('data-topic="trust"'));
  expect(burnout).toMatch(/data-side="freelancers" data-value="not-reported"/);
  expect(burnout).toContain('Not reported');
  expect(burnout).toMatch(/class="cell selected" data-side="freelancers"/);
  expect(burnout).toMatch(/class="cell" data-side="full-time"/);
  expect(burnout).toMatch(/<text class="kit-label kit-on"[^>]*>\s*<tspan>▶\u00a0<\/tspan>Freelancers/);
  expect(burnout).toContain('88%');
});
