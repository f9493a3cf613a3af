/**
 * Every chart in the registry, rendered on the server as pages show it (every cohort's emphasis in
 * one markup) and as an image draws it in each cohort, compared as text snapshots (Svelte's
 * generated classes removed), plus rules every chart must keep (rules.ts): a title and source line,
 * a mark in the drawing for every value the numbers table lacks, never a zero-length bar, group
 * names with their capitals.
 */
import { coverageOf, figureIdsOf, numbersOf, pointProblems } from '../../src/charts/kit/points';
import { describe, expect, test } from 'vitest';
import type { Component } from 'svelte';
import type { ChartProps } from '../../src/charts/types';
import { renderFramed, renderImage } from './frame';
import { CHARTS } from '../../src/charts/registry';
import { resolveChart } from '../../src/charts/resolve';
import { loadData } from '../../src/data/load';
import { STORY_COHORTS } from '../../src/lib/cohort-url';
import { drawingProblems, lowercasedAcronyms, normalise, pointsWithoutMarks } from './rules';

const dataset = loadData();

function framed(entry: (typeof CHARTS)[number]) {
  const { spec, data } = resolveChart(entry, dataset);
  const component = entry.component as Component<ChartProps<unknown>> | undefined;
  if (!component) throw new Error(`no component for ${entry.id}`);
  return { spec, component, data };
}

describe.each(CHARTS.map((c) => [c.id, c] as const))('chart %s', (id, entry) => {
  test('the page render (every cohort in one markup) matches its snapshot', async () => {
    const body = renderFramed(framed(entry));
    // No generated class reaches a snapshot, so a CSS edit never rewrites one.
    expect(normalise(body)).not.toMatch(/svelte-[a-z0-9]+/);
    await expect(normalise(body)).toMatchFileSnapshot(`__snapshots__/${id}.html`);
  });

  test.each(STORY_COHORTS)("an image's drawing in cohort %s matches its snapshot", async (cohort) => {
    const body = renderImage(framed(entry), cohort);
    await expect(normalise(body)).toMatchFileSnapshot(`__snapshots__/${id}.${cohort}.image.html`);
  });

  test('keeps the frame rules', () => {
    const { data } = framed(entry);
    const body = renderFramed(framed(entry));
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

test('the comparison chart marks each side for the page to choose, and draws Not reported for missing cells', () => {
  const entry = CHARTS.find((c) => c.id === 'cohort-comparison')!;
  const html = normalise(renderFramed(framed(entry)));
  const burnout = html.slice(html.indexOf('data-topic="burnout"'), html.indexOf('data-topic="trust"'));
  // Freelancers have no published burnout figure: a placeholder, not a bar.
  expect(burnout).toMatch(/data-for="freelancers" data-side="freelancers" data-value="not-reported"/);
  expect(burnout).toContain('Not reported');
  // Every label carries its side and a ▶ for the page's CSS to show; no label is chosen in the markup.
  expect(burnout).toMatch(/<text class="kit-label" data-for="freelancers"[^>]*>\s*<tspan class="kit-mark">▶\u00a0<\/tspan>Freelancers/);
  expect(burnout).not.toContain('kit-on');
  // The full-time bar grows in its band by CSS: a nested <svg> the band's size, the bar thin by its attributes.
  expect(burnout).toMatch(/<svg y="\d+" height="16" width="100%" overflow="visible">\s*<rect class="kit-bar kit-full-time kit-grows" data-for="full-time" x="0%" y="4" width="[\d.]+%" height="8" rx="2"/);
  expect(burnout).toContain('88%');
});

test("an image's drawing chooses its cohort in the markup, as a page's CSS does", () => {
  const entry = CHARTS.find((c) => c.id === 'cohort-comparison')!;
  const html = normalise(renderImage(framed(entry), 'freelancers'));
  const burnout = html.slice(html.indexOf('data-topic="burnout"'), html.indexOf('data-topic="trust"'));
  expect(burnout).toMatch(/<text class="kit-label kit-on"[^>]*>\s*<tspan>▶\u00a0<\/tspan>Freelancers/);
  expect(html).not.toContain('data-for="freelancers" x=');
  expect(html).not.toContain('kit-grows');
});
