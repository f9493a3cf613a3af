/** The client formatters agree with d3-format, which the build-time code uses. */
import { format } from 'd3-format';
import { describe, expect, test } from 'vitest';
import { andList, formatDecimal, formatInt, formatMarginPoints, formatPoints, inSentence } from '../../src/lib/format';
import { formatMargin, marginOfError } from '../../src/data/select';

describe('client number formats', () => {
  test.each([0, 1, 47, 625, 1250, 2500, 20000, 1234567])('formatInt(%d) matches d3 ","', (n) => {
    expect(formatInt(n)).toBe(format(',')(n));
  });
  test.each([3.9199, 2.77, 1.96, 0.05, 12.25, 100])('formatPoints(%d) matches d3 ".1f"', (n) => {
    expect(formatPoints(n)).toBe(format('.1f')(n));
  });
  test.each([37.6, 99.64, 47, 1.88, 1.2857142857, 101.52, 0.005, 20])('formatDecimal(%d) matches d3 ".2~f"', (n) => {
    expect(formatDecimal(n)).toBe(format('.2~f')(n));
  });
  test.each([625, 1250, 2500])('formatMarginPoints agrees with formatMargin for n = %d', (n) => {
    expect(formatMarginPoints(marginOfError(n))).toBe(formatMargin(n));
  });
});

describe('inSentence: a group label set inside a sentence keeps its capitals', () => {
  test.each([
    ['Top AI performers', 'top AI performers'],
    ['Full-time employees', 'full-time employees'],
    ['Frequent AI users', 'frequent AI users'],
    ['Non-users of AI', 'non-users of AI'],
    ['AI users', 'AI users'],
    ['C-suite executives', 'C-suite executives'],
    ['Upwork platform data', 'Upwork platform data'],
    ['', ''],
  ])('%s → %s', (label, expected) => {
    expect(inSentence(label)).toBe(expected);
  });
});

describe('andList: items in running text', () => {
  test('none, one, two, three: no serial comma', () => {
    expect(andList([])).toBe('');
    expect(andList(['ZDNet'])).toBe('ZDNet');
    expect(andList(['ZDNet', 'Fortune'])).toBe('ZDNet and Fortune');
    expect(andList(['ZDNet', 'Fortune', 'TweakTown'])).toBe('ZDNet, Fortune and TweakTown');
  });
});
