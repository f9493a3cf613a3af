/**
 * "Twice as likely to quit": the rival readings taken from the claim, the illustrative strip's
 * arithmetic, and the registry entry built from the real data/ files.
 */
import { figureIdsOf, numbersOf } from '../../src/charts/kit/points';
import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load';
import { illustrativeExamples, selectQuit } from '../../src/charts/quit-twice/data';
import { cohortNote, ratioWords } from '../../src/charts/quit-twice/text';
import { quitting } from '../../src/charts/quit-twice/entry';

const dataset = loadData();
const data = selectQuit(dataset);

describe('selectQuit over data/', () => {
  test('takes the ratio and both rival readings of claim quitting-2, in file order', () => {
    expect(data.ratio).toBe(2);
    expect(data.readings.map((r) => r.figureId)).toEqual(['quitting-twice', 'quitting-twice-consider']);
    expect(data.readings.map((r) => r.wording)).toEqual(['to quit', 'to consider quitting']);
  });

  test('says who published each wording', () => {
    const [quit, consider] = data.readings;
    expect(quit.who).toBe("The Upwork Research Institute (the report's executive summary); TweakTown; ZDNet");
    expect(consider.who).toBe("Fortune (a newsletter; a commentary by the report's own authors)");
  });

  test('refuses a reading that is not a ratio', () => {
    const broken = {
      ...dataset,
      figures: dataset.figures.map((f) => (f.id === 'quitting-twice-consider' ? { ...f, unit: 'percent' as const } : f)),
    };
    expect(() => selectQuit(broken)).toThrow(/quitting-twice-consider/);
  });
});

describe('illustrative strip', () => {
  test('2 × 5% is 10% and 2 × 30% is 60%', () => {
    expect(data.examples).toEqual([
      { baseline: 5, rate: 10, extra: 5, baselineX: 5, rateX: 10 },
      { baseline: 30, rate: 60, extra: 30, baselineX: 30, rateX: 60 },
    ]);
  });

  test('a baseline whose rate would pass 100% is left out', () => {
    expect(illustrativeExamples(2, [30, 50, 60])).toEqual([
      { baseline: 30, rate: 60, extra: 30, baselineX: 30, rateX: 60 },
      { baseline: 50, rate: 100, extra: 50, baselineX: 50, rateX: 100 },
    ]);
    expect(illustrativeExamples(3, [5, 40]).map((e) => e.rate)).toEqual([15]);
  });

  test('ratio in words', () => {
    expect(ratioWords(2)).toBe('twice');
    expect(ratioWords(3)).toBe('3 times');
  });
});

describe('registry entry', () => {
  test('id, section and figure ids', () => {
    expect(quitting.id).toBe('quit-twice');
    expect(quitting.section).toBe('quitting');
    expect(figureIdsOf(quitting.points(data))).toEqual(['quitting-twice', 'quitting-twice-consider']);
  });

  test('numbers: both readings as ratios, the baseline and freelancers as Not reported', () => {
    const rows = numbersOf(quitting.points(data));
    expect(rows.map((r) => r.value)).toEqual(['2× (twice as likely)', '2× (twice as likely)', null, null]);
    expect(rows.map((r) => r.figureId)).toEqual(['quitting-twice', 'quitting-twice-consider', null, null]);
    expect(rows[3].group).toBe('Freelancers');
    // No percentage appears for the ratio rows: the study published no rate.
    expect(rows.slice(0, 2).some((r) => r.value?.includes('%'))).toBe(false);
  });

  test('describe names both wordings, marks the examples illustrative and follows the cohort', () => {
    const text = quitting.describe(data, 'full-time');
    expect(text).toContain('“twice as likely to quit”');
    expect(text).toContain('“twice as likely to consider quitting”');
    expect(text).toContain('Illustrative baselines');
    expect(text).toContain('2 × 5% = 10%');
    expect(quitting.describe(data, 'freelancers')).toContain('No quitting figure was published for freelancers — Not reported');
    expect(cohortNote('all', 2)).toContain('the 2× describes the most productive AI users only');
  });
});

describe('ratio bars', () => {
  test('1× and the published ratio sit on one ratio scale: 2× is twice as long as 1×', () => {
    const data = selectQuit(loadData());
    expect(data.ratioX.ratio).toBe(75);
    expect(data.ratioX.one).toBe(37.5);
  });
});
