/**
 * "Who was asked": the published split of 2,500 respondents, each group's margin of error worked
 * out from its size, its span along one scale, and top AI performers left unknown (null).
 */
import { figureIdsOf, numbersOf } from '../../src/charts/kit/points';
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/data/dataset';
import { loadData } from '../../src/data/load';
import { formatMargin } from '../../src/data/select';
import { selectSample } from '../../src/charts/who-was-asked/data';
import { sample } from '../../src/charts/who-was-asked/entry';

const dataset = loadData();
const data = selectSample(dataset);

function withValue(id: string, value: number): Dataset {
  return { ...dataset, figures: dataset.figures.map((f) => (f.id === id ? { ...f, value } : f)) };
}

describe('the split', () => {
  test('2,500 = 1,250 executives + 625 full-time employees + 625 freelancers', () => {
    expect(data.total.n).toBe(2500);
    expect(data.parts.map((g) => [g.cohort, g.n])).toEqual([
      ['executives', 1250],
      ['full_time', 625],
      ['freelancers', 625],
    ]);
    expect(data.parts.reduce((t, g) => t + g.n, 0)).toBe(data.total.n);
  });

  test('each group spans its share of the whole, side by side', () => {
    expect([data.total.x, data.total.width]).toEqual([0, 100]);
    expect(data.parts.map((g) => [g.x, g.width])).toEqual([
      [0, 50],
      [50, 25],
      [75, 25],
    ]);
  });

  test('margins of error: ±2.0 for all, ±2.8 for executives, ±3.9 for each group of 625', () => {
    expect(formatMargin(data.total.n)).toBe('±2.0 points');
    expect(data.parts.map((g) => formatMargin(g.n))).toEqual(['±2.8 points', '±3.9 points', '±3.9 points']);
    expect(data.total.margin).toBeCloseTo(1.96, 2);
    expect(data.parts[1].margin).toBeCloseTo(3.92, 2);
  });

  test('the toggle cohorts map to their rows; executives have none', () => {
    expect(data.total.side).toBe('all');
    expect(data.parts.map((g) => g.side)).toEqual([null, 'full-time', 'freelancers']);
  });

  test('parts that do not add up to the total stop the build', () => {
    expect(() => selectSample(withValue('sample-freelancers', 600))).toThrow(/do not add up: 2475 in the parts, 2500/);
  });
});

describe('top AI performers', () => {
  test('a subgroup of the 625 full-time employees, size and margin unknown (null, never zero)', () => {
    expect(data.subgroup.group).toBe('Top AI performers');
    expect(data.subgroup.parentN).toBe(625);
    expect(data.subgroup.n).toBeNull();
    expect(data.subgroup.margin).toBeNull();
    expect(data.subgroup.side).toBe('full-time');
    const row = numbersOf(sample.points(data)).find((r) => r.group.startsWith('Top AI performers'))!;
    expect(row.value).toBeNull();
    expect(row.figureId).toBeNull();
  });

  test('the description says the subgroup margin is unknown and larger', () => {
    const text = sample.describe(data, 'full-time');
    expect(text).toContain('number not published');
    expect(text).toContain('larger than ±3.9 points');
    expect(text).toContain('C-suite executives: 1,250, margin of error ±2.8 points');
  });
});

test('entry draws the four sample rows', () => {
  expect(sample.id).toBe('who-was-asked');
  expect(figureIdsOf(sample.points(data))).toEqual(['sample-all', 'sample-executives', 'sample-full-time', 'sample-freelancers']);
});
