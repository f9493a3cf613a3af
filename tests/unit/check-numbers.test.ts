/** The numbers the sentence checker reads (src/check/numbers.ts): each rule, its edges and its traps. */
import { describe, expect, test } from 'vitest';
import { findNumbers, wordValue } from '../../src/check/numbers';

/** The numbers of a sentence as [value, unit, hedge], rounded to 2 places for fractions. */
const read = (text: string) => findNumbers(text).map((n) => [Math.round(n.value * 100) / 100, n.unit, n.hedge]);

describe('numbers in words', () => {
  test.each([
    ['nine', 9],
    ['eighty-eight', 88],
    ['eighty eight', 88],
    ['forty', 40],
    ['Sixty-Seven', 67],
    ['a', 1],
    ['an', 1],
    ['eleventy', NaN],
  ])('%s is %d', (words, value) => {
    expect(wordValue(words)).toBe(value);
  });
});

describe('shares', () => {
  test.each([
    ['88% of them feel burned out', [[88, 'percent', null]]],
    ['88 % of them', [[88, 'percent', null]]],
    ['88 percent of them', [[88, 'percent', null]]],
    ['88 per cent of them', [[88, 'percent', null]]],
    ['eighty-eight percent of them', [[88, 'percent', null]]],
    ['62.5% of executives', [[62.5, 'percent', null]]],
    ['88% more likely to quit', [[88, 'percent', null]]],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  test('in words: "N in M", fractions, half', () => {
    expect(read('nearly nine in ten workers')).toEqual([[90, 'percent', 'nearly']]);
    expect(read('one in four freelancers')).toEqual([[25, 'percent', null]]);
    expect(read('1 in 5 executives')).toEqual([[20, 'percent', null]]);
    expect(read('three out of four')).toEqual([[75, 'percent', null]]);
    expect(read('two-thirds of employees')).toEqual([[66.67, 'percent', null]]);
    expect(read('two thirds of employees')).toEqual([[66.67, 'percent', null]]);
    expect(read('a third of them')).toEqual([[33.33, 'percent', null]]);
    expect(read('three quarters of them')).toEqual([[75, 'percent', null]]);
    expect(read('more than half of them')).toEqual([[50, 'percent', 'more than']]);
  });

  test('a fraction in words keeps its exact value: two-thirds is 200/3, not 67', () => {
    expect(findNumbers('two-thirds')[0]!.value).toBe(200 / 3);
    expect(findNumbers('two-thirds')[0]!.inWords).toBe(true);
    expect(findNumbers('67%')[0]!.inWords).toBe(false);
  });

  test('not shares: an ordinal, "N in M" with N over M, a word inside another', () => {
    expect(read('the third question')).toEqual([]);
    expect(read('on behalf of workers')).toEqual([]);
    expect(read('five in four')).toEqual([]);
  });
});

describe('ratios', () => {
  test.each([
    ['twice as likely to quit', [[2, 'times', null]]],
    ['nearly double the rate', [[2, 'times', 'nearly']]],
    ['2x more likely', [[2, 'times', null]]],
    ['three times as likely', [[3, 'times', null]]],
    ['2.5 times the rate', [[2.5, 'times', null]]],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });
});

describe('plain numbers, hedges, positions, several at once', () => {
  test('a count; a year is not a figure', () => {
    expect(read('a survey of 2,500 people in 2025')).toEqual([[2500, 'number', null]]);
    expect(read('in 2025, about 2500 people')).toEqual([[2500, 'number', 'about']]);
  });

  test('every hedge is kept, never applied', () => {
    for (const hedge of ['more than', 'nearly', 'almost', 'about', 'around', 'over', 'at least', 'up to', 'roughly']) {
      expect(read(`${hedge} 40% of them`), hedge).toEqual([[40, 'percent', hedge]]);
    }
  });

  test('two claims in one sentence, in reading order, with where each is written', () => {
    const text = 'Of top performers 88% report burnout and they are twice as likely to quit, while two-thirds trust AI.';
    const found = findNumbers(text);
    expect(found.map((n) => [n.text, n.unit])).toEqual([
      ['88%', 'percent'],
      ['twice', 'times'],
      ['two-thirds', 'percent'],
    ]);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
  });

  test('nothing to read', () => {
    expect(findNumbers('Heavy AI users report more burnout.')).toEqual([]);
  });
});
