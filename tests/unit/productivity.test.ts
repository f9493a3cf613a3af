/**
 * The productivity chart's data: the self-reported 40% drawn as an index (100 before AI, 140 with
 * it), freelancers Not reported, and the margins of error worked out from the published sample
 * sizes. Built from the real data/ files, plus edited copies to show the logic follows the data.
 */
import { figureIdsOf, numbersOf } from '../../src/charts/kit/points';
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/data/dataset';
import { loadData } from '../../src/data/load';
import { formatMargin } from '../../src/data/select';
import { INDEX_BASE, INDEX_MAX, selectProductivity, toIndex } from '../../src/charts/productivity/data';
import { productivity } from '../../src/charts/productivity/entry';

const dataset = loadData();
const data = selectProductivity(dataset);

/** A copy of the dataset with one figure's value changed. */
function withValue(id: string, value: number): Dataset {
  return { ...dataset, figures: dataset.figures.map((f) => (f.id === id ? { ...f, value } : f)) };
}

describe('index of self-reported productivity', () => {
  test('140 is the published 40 on top of a baseline of 100', () => {
    expect(INDEX_BASE).toBe(100);
    expect(toIndex(40)).toBe(140);
    const ft = data.index.cells.find((c) => c.side === 'full-time')!;
    expect(ft.gain).toBe(40);
    expect(ft.index).toBe(140);
    expect(ft.figureId).toBe('productivity-gain');
    expect(ft.group).toBe('Full-time employees');
  });

  test('the index follows the published gain, not a constant', () => {
    const other = selectProductivity(withValue('productivity-gain', 25));
    const ft = other.index.cells.find((c) => c.side === 'full-time')!;
    expect(ft.index).toBe(125);
    expect(ft.x).toBeCloseTo((125 / INDEX_MAX) * 100, 10);
  });

  test('positions run on an axis from 0, with 100 two thirds along and 140 inside it', () => {
    expect(data.index.baseX).toBeCloseTo((100 / 150) * 100, 10);
    const ft = data.index.cells.find((c) => c.side === 'full-time')!;
    expect(ft.x).toBeCloseTo((140 / 150) * 100, 10);
    expect(ft.x!).toBeLessThanOrEqual(100);
    expect(data.index.ticks[0]).toEqual({ value: 0, x: 0 });
  });

  test('freelancers are Not reported (null), never zero, with the reason', () => {
    const fl = data.index.cells.find((c) => c.side === 'freelancers')!;
    expect(fl.gain).toBeNull();
    expect(fl.index).toBeNull();
    expect(fl.x).toBeNull();
    expect(fl.figureId).toBeNull();
    expect(fl.sources).toContain('just as productive with AI');
    const row = numbersOf(productivity.points(data)).find((r) => r.group === 'Freelancers')!;
    expect(row.value).toBeNull();
  });
});

describe('executives and margins of error', () => {
  test('77% of 1,250 executives, ±2.8 points', () => {
    expect(data.executives.value).toBe(77);
    expect(data.executives.n).toBe(1250);
    expect(formatMargin(data.executives.n)).toBe('±2.8 points');
    expect(data.executives.margin).toBeCloseTo(2.772, 3);
    expect(data.executives.low).toBeCloseTo(77 - 2.772, 3);
    expect(data.executives.high).toBeCloseTo(77 + 2.772, 3);
    expect(data.executives.x).toBe(77);
  });

  test('the margin follows the published sample size', () => {
    const other = selectProductivity(withValue('sample-executives', 625));
    expect(other.executives.margin).toBeCloseTo(3.92, 2);
  });

  test('credit shares are the four published ones, each ±3.9 points for 625', () => {
    expect(data.credits.items.map((i) => [i.figureId, i.value])).toEqual([
      ['credit-experimenting', 30],
      ['credit-product-improvements', 25],
      ['credit-self-upskilling', 22],
      ['credit-employer-training', 22],
    ]);
    expect(data.credits.items[0].label).toBe('Time to experiment with the tools');
    expect(data.credits.n).toBe(625);
    expect(formatMargin(data.credits.n)).toBe('±3.9 points');
    for (const i of data.credits.items) expect(i.margin).toBeCloseTo(3.92, 2);
  });
});

describe('registry entry', () => {
  test('draws only figures that exist, including the sample sizes its margins use', () => {
    const ids = figureIdsOf(productivity.points(data));
    const known = new Set(dataset.figures.map((f) => f.id));
    for (const id of ids) expect(known).toContain(id);
    expect(ids).toEqual(expect.arrayContaining(['productivity-gain', 'productivity-executives', 'sample-executives', 'sample-full-time']));
  });

  test('says the gain is self-reported and names the baseline', () => {
    const text = productivity.describe(data, 'freelancers');
    expect(text).toContain('140');
    expect(text).toContain('self-reported');
    expect(text).toContain('Freelancers: not reported');
    expect(text).toContain('±2.8 points');
    const gain = numbersOf(productivity.points(data)).find((r) => r.figureId === 'productivity-gain')!;
    expect(gain.value).toBe('+40% (index 140, where before AI = 100)');
    expect(gain.measure).toContain('self-reported');
  });
});
