/**
 * The relative-vs-absolute explainer: the illustrative arithmetic (a reader-chosen baseline times
 * 1.88), the slider's bounds, the context line's working, and the registry entry built from the
 * real data/ files.
 */
import { figureIdsOf, numbersOf } from '../../src/charts/kit/points';
import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load';
import {
  aboutPeople,
  clampBaseline,
  cohortNote,
  contextArithmetic,
  illustrate,
  illustrativeRate,
  maxBaseline,
  multiplier,
  percentMoreLikely,
  pointsApart,
} from '../../src/charts/relative-vs-absolute/arithmetic';
import { DEFAULT_BASELINE } from '../../src/charts/relative-vs-absolute/constants';
import { selectRelative } from '../../src/charts/relative-vs-absolute/data';
import { whoSaid } from '../../src/data/attribution';
import { relative } from '../../src/charts/relative-vs-absolute/entry';

const dataset = loadData();
const data = selectRelative(dataset);

describe('illustrative arithmetic', () => {
  test('88% more likely is 1.88 times the baseline', () => {
    expect(multiplier(88)).toBe(1.88);
    expect(illustrativeRate(20, 88)).toBe(37.6);
    expect(illustrativeRate(1, 88)).toBe(1.88);
    expect(illustrativeRate(53, 88)).toBe(99.64);
    expect(illustrativeRate(7, 88)).toBe(13.16);
  });

  test('a baseline of 20 gives 37.6, about 38 of 100', () => {
    const ex = illustrate(20, 88);
    expect(ex.rate).toBe(37.6);
    expect(ex.people).toBe(38);
    expect(ex.working).toBe('20 × 1.88 = 37.6');
  });

  test('whole people round half up and down correctly', () => {
    expect(aboutPeople(37.6)).toBe(38);
    expect(aboutPeople(13.16)).toBe(13);
    expect(aboutPeople(99.64)).toBe(100);
  });

  test('the slider stops at 53 because 54 × 1.88 passes 100', () => {
    expect(maxBaseline(88)).toBe(53);
    expect(illustrativeRate(53, 88)).toBeLessThanOrEqual(100);
    expect(illustrativeRate(54, 88)).toBeGreaterThan(100);
    expect(illustrate(54, 88).working).toBe('54 × 1.88 = 101.52');
    // Another ratio gives another cap: 100% more likely (twice) allows at most 50.
    expect(maxBaseline(100)).toBe(50);
  });

  test('baselines are clamped to whole numbers between 1 and the cap', () => {
    expect(clampBaseline(20, 53)).toBe(20);
    expect(clampBaseline(0, 53)).toBe(1);
    expect(clampBaseline(-5, 53)).toBe(1);
    expect(clampBaseline(54, 53)).toBe(53);
    expect(clampBaseline(1000, 53)).toBe(53);
    expect(clampBaseline(19.6, 53)).toBe(20);
    expect(clampBaseline(Number.NaN, 53)).toBe(DEFAULT_BASELINE);
    expect(DEFAULT_BASELINE).toBe(20);
  });

  test('context: 45% against 35% is 10 points apart and about 29% more likely', () => {
    expect(pointsApart(45, 35)).toBe(10);
    expect(percentMoreLikely(45, 35)).toBeCloseTo(28.571, 3);
    const c = contextArithmetic(45, 35);
    expect(c).toEqual({ points: 10, ratio: '1.29', working: '45 ÷ 35 = 1.29', percentMore: 29 });
  });
});

describe('selectRelative over data/', () => {
  test('takes both readings of the 88 and the two context shares', () => {
    expect(data.share).toMatchObject({ figureId: 'burnout-share', value: 88 });
    expect(data.moreLikely).toMatchObject({ figureId: 'burnout-more-likely', value: 88 });
    expect(data.maxBaseline).toBe(53);
    expect(data.context.heavy).toEqual({ figureId: 'qw-burnout-frequent', group: 'Frequent AI users', value: 45 });
    expect(data.context.none).toEqual({ figureId: 'qw-burnout-non-users', group: 'Non-users of AI', value: 35 });
    expect(data.context.outlet).toBe('CNBC');
  });

  test('says who published each reading', () => {
    expect(data.share.who).toBe("Fortune (a commentary by the report's own authors; a newsletter)");
    expect(data.moreLikely.who).toBe("The Upwork Research Institute (the report's executive summary); TweakTown; ZDNet");
    expect(whoSaid({ source_ids: ['zdnet-burnout', 'zdnet-quit'] }, dataset)).toBe('ZDNet');
  });

  test('throws when a reading has the wrong unit, rather than drawing it', () => {
    const swapped = {
      ...dataset,
      figures: dataset.figures.map((f) => (f.id === 'burnout-share' ? { ...f, unit: 'percent_more_likely' as const } : f)),
    };
    expect(() => selectRelative(swapped)).toThrow(/burnout-share/);
  });
});

describe('registry entry', () => {
  test('id, section and figure ids', () => {
    expect(relative.id).toBe('relative-vs-absolute');
    expect(relative.section).toBe('burnout');
    expect(figureIdsOf(relative.points(data))).toEqual([
      'burnout-share',
      'burnout-more-likely',
      'qw-burnout-frequent',
      'qw-burnout-non-users',
    ]);
  });

  test('numbers: published values as written, Not reported as null', () => {
    const rows = numbersOf(relative.points(data));
    expect(rows.map((r) => r.value)).toEqual(['88%', '88% more likely', null, null, '45%', '35%']);
    const missing = rows.filter((r) => r.value === null);
    expect(missing.map((r) => r.group)).toEqual(['Colleagues who use AI less', 'Freelancers']);
    expect(missing.every((r) => r.figureId === null)).toBe(true);
    expect(rows.filter((r) => r.value !== null).every((r) => r.figureId)).toBe(true);
  });

  test('describe: both readings, the illustrative example and the cohort line', () => {
    const text = relative.describe(data, 'full-time');
    expect(text).toContain('88 of 100 top AI performers');
    expect(text).toContain('88% more likely');
    expect(text).toContain('20 × 1.88 = 37.6, about 38 of 100');
    expect(text).toContain('about 29% more likely');
    expect(relative.describe(data, 'freelancers')).toContain('No burnout figure was published for freelancers — Not reported');
    expect(relative.describe(data, 'all')).toContain('top AI performers only');
  });

  test('cohort notes', () => {
    expect(cohortNote('freelancers', 88)).toMatch(/^No burnout figure was published for freelancers — Not reported\./);
    expect(cohortNote('all', 88)).toContain('the 88 describes top AI performers only');
    expect(cohortNote('full-time', 88)).toContain('biggest productivity gains');
  });
});
