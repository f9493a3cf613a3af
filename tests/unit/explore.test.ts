/** The explorer's pure parts: where each key goes, what each point says, what it plays. */
import { describe, expect, test } from 'vitest';
import { MOVE_KEYS, explorePoints, move, pitches, pointWords, type ExplorePoint } from '../../src/lib/explore/points';
import { CHARTS } from '../../src/charts/registry';
import { loadData } from '../../src/data/load';

const p = (key: string, series: string, value: number | null, extra: Partial<ExplorePoint> = {}): ExplorePoint => ({
  key,
  series,
  group: `Group ${key}`,
  side: null,
  measure: 'Feel burned out',
  value,
  unit: 'share',
  text: value === null ? null : `${value}%`,
  ...(value === null ? { missing: 'not-reported' as const } : {}),
  ...extra,
});
// Two series: a (3 points), b (2 points).
const list = [p('a1', 'a', 10), p('a2', 'a', 20), p('a3', 'a', 30), p('b1', 'b', 40), p('b2', 'b', null)];

describe('move', () => {
  test('every move enters at the first point, End at the last', () => {
    expect(move(list, null, 'next')).toBe(0);
    expect(move(list, null, 'next-series')).toBe(0);
    expect(move(list, null, 'last')).toBe(4);
  });
  test('Left and Right step in reading order, across series, and stop at the edges', () => {
    expect(move(list, 2, 'next')).toBe(3);
    expect(move(list, 3, 'previous')).toBe(2);
    expect(move(list, 4, 'next')).toBe(4);
    expect(move(list, 0, 'previous')).toBe(0);
  });
  test('Up and Down jump series, keeping the place or taking the last point of a shorter series', () => {
    expect(move(list, 0, 'next-series')).toBe(3);
    expect(move(list, 2, 'next-series')).toBe(4);
    expect(move(list, 4, 'previous-series')).toBe(1);
    expect(move(list, 4, 'next-series')).toBe(4);
    expect(move(list, 1, 'previous-series')).toBe(1);
  });
  test('Home and End', () => {
    expect(move(list, 3, 'first')).toBe(0);
    expect(move(list, 1, 'last')).toBe(4);
  });
  test('the arrow keys, Home and End are the moves', () => {
    expect(Object.keys(MOVE_KEYS).sort()).toEqual(['ArrowDown', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'End', 'Home']);
  });
});

describe('pointWords', () => {
  test('a share, as the issue spells it', () => {
    expect(pointWords(p('x', 's', 88, { group: 'Top AI performers' }))).toBe('Top AI performers, feel burned out: 88%, a share.');
  });
  test('a missing value says Not reported and why', () => {
    expect(pointWords(p('x', 's', null, { group: 'Freelancers' }))).toBe(
      'Freelancers, feel burned out: Not reported — the study published no figure for this group.',
    );
  });
  test('the chosen group is named, and the position given', () => {
    expect(pointWords(p('x', 's', 40, { side: 'freelancers', group: 'Freelancers' }), { cohort: 'freelancers', position: [2, 9] })).toBe(
      'Freelancers (the group you chose), feel burned out: 40%, a share. 2 of 9.',
    );
    expect(pointWords(p('x', 's', 40, { side: 'full-time' }), { cohort: 'freelancers' })).not.toContain('you chose');
  });
  test('a ratio is read as a ratio, not a share', () => {
    expect(pointWords(p('x', 's', 2, { unit: 'ratio', text: '2× (twice as likely)' }))).toContain('2× (twice as likely), a ratio, not a share');
  });
});

describe('pitches', () => {
  test('shares on a fixed 0–100 scale over two octaves; missing values rest', () => {
    expect(pitches([p('a', 's', 0), p('b', 's', 100), p('c', 's', 50), p('d', 's', null)])).toEqual([220, 880, 440, null]);
  });
  test('other units on their own range, higher for more', () => {
    const [lo, hi] = pitches([p('a', 's', 625, { unit: 'count' }), p('b', 's', 2500, { unit: 'count' })]);
    expect(lo).toBe(220);
    expect(hi).toBe(880);
  });
});

test('every chart gives the explorer a point for each row of its numbers table, every key once', () => {
  const dataset = loadData();
  for (const entry of CHARTS) {
    const points = explorePoints(entry.points(entry.select(dataset)));
    expect(points.length, entry.id).toBeGreaterThan(0);
    expect(new Set(points.map((x) => x.key)).size, entry.id).toBe(points.length);
    for (const x of points) expect(pointWords(x), `${entry.id} ${x.key}`).toMatch(/^[^,]+.*: .+\.$/);
  }
});
