/** The render rules (rules.ts) bite: broken fixture charts fail them, and the normaliser keeps markup. */
import { describe, expect, test } from 'vitest';
import type { Component } from 'svelte';
import { renderFramed } from './frame';
import type { ChartSpec } from '../../src/charts/types';
import type { NumberRow } from '../../src/charts/kit/points';
import MislabelledMark from './fixtures/MislabelledMark.svelte';
import ZeroBar from './fixtures/ZeroBar.svelte';
import { drawingProblems, groupKey, lowercasedAcronyms, normalise, pointsWithoutMarks } from './rules';

const rows = [
  { group: 'Full-time employees', value: 88 },
  { group: 'Freelancers', value: null },
];
const numbers: NumberRow[] = rows.map((r) => ({
  group: r.group,
  measure: 'Feel burned out',
  value: r.value === null ? null : `${r.value}%`,
  source: 'test',
  figureId: null,
}));
const spec: ChartSpec = {
  id: 'fixture',
  title: 'A fixture',
  takeaway: 'None',
  section: 'none',
  points: numbers.map((n, i) => ({
    key: String(i),
    series: 'all',
    group: n.group,
    side: null,
    measure: n.measure,
    value: rows[i]!.value,
    unit: 'share' as const,
    text: n.value,
    source: n.source,
    figureId: null,
    ...(n.value === null ? { missing: 'not-reported' as const } : {}),
  })),
  descriptions: { 'full-time': 'd', freelancers: 'd', all: 'd' },
  pageDescriptions: { 'full-time': 'd', freelancers: 'd', all: 'd' },
  figureIds: [],
  sourceIds: [],
};

function renderFixture(component: Component<any>) {
  return renderFramed({ spec, component, data: { rows } });
}

describe('drawingProblems', () => {
  test('a chart that draws a zero bar for a missing value fails, though the numbers table says "Not reported"', () => {
    const body = renderFixture(ZeroBar);
    expect(body).toContain('Not reported'); // the old whole-body check passed this chart
    const problems = drawingProblems(body, numbers);
    expect(problems).toContain('a rect (bar) has width="0%": a zero-length bar');
    expect(problems).toContain('1 missing value(s) for "Freelancers" in the numbers table, 0 mark(s) in the drawing');
  });

  test('a mark for a missing value must carry the words of its kind', () => {
    expect(drawingProblems(renderFixture(MislabelledMark), numbers)).toEqual([
      'the not-reported mark for Freelancers does not say /Not reported/',
    ]);
  });

  test('an unknown kind of mark is refused', () => {
    const body = '<div class="chart-body"><svg><g data-missing="zero" data-group="Freelancers">Not reported</g></svg></div>';
    expect(drawingProblems(body, numbers)).toEqual(['data-missing="zero" is not one of not-reported, illustrative, unpublished, in-words']);
  });

  test('each missing row needs a mark of its own: two missing values for one group need two marks', () => {
    const body = '<div class="chart-body"><svg><g data-missing="not-reported" data-group="Freelancers">Not reported</g></svg></div>';
    expect(drawingProblems(body, numbers)).toEqual([]);
    expect(drawingProblems(body, [...numbers, { ...numbers[1]!, measure: 'Trust AI' }])).toEqual([
      '2 missing value(s) for "Freelancers" in the numbers table, 1 mark(s) in the drawing',
    ]);
  });

  test('zero lengths in any unit are caught; small ones are not', () => {
    const bars = (w: string) => `<div class="chart-body"><svg><rect class="b" width="${w}" height="4"/></svg></div>`;
    for (const w of ['0', '0%', '0.0', '0px', ' 0 ']) expect(drawingProblems(bars(w), []), w).toHaveLength(1);
    for (const w of ['0.5%', '1', '10%', '100%']) expect(drawingProblems(bars(w), []), w).toEqual([]);
  });

  test('a row qualifier in brackets is not part of the group', () => {
    expect(groupKey('Top AI performers (some of the full-time employees)')).toBe('Top AI performers');
  });
});

test('lowercasedAcronyms finds a label lower-cased into a sentence, in text and in labels', () => {
  expect(lowercasedAcronyms('<p>Fortune gives it for top ai performers.</p>')).toHaveLength(1);
  expect(lowercasedAcronyms('<svg aria-label="no figure for top ai performers"></svg>')).toHaveLength(1);
  expect(lowercasedAcronyms('<p>Fortune gives it for top AI performers; said: paid.</p>')).toEqual([]);
});

test('normalise drops Svelte scoping classes and hydration markers, and keeps every other class', () => {
  expect(normalise('<div class="rx svelte-1hacyai"><!--[--><p class="svelte-1hacyai">a</p> <b class="x">b</b></div>')).toBe(
    '<div class="rx">\n<p>a</p>\n<b class="x">b</b>\n</div>',
  );
});

test('pointsWithoutMarks: a point whose key no element of the drawing carries is named', () => {
  const body = '<figure><div class="chart-body"><svg><g data-point="a/b"></g></svg></div><div class="chart-tools"></div><p data-point="c">outside</p></figure>';
  expect(pointsWithoutMarks(body, ['a/b', 'c', 'd'])).toEqual(['c', 'd']);
  expect(pointsWithoutMarks(renderFixture(ZeroBar), ['0'])).toEqual(['0']);
});
