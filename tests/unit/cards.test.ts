/** The cards' byte budget and text fitting (src/charts/export/card.ts), without drawing one. */
import { describe, expect, test } from 'vitest';
import { CARD_BUDGET, fitText, overBudget, textBlock } from '../../src/charts/export/card';

describe('the byte budget', () => {
  test('is 150 KB', () => expect(CARD_BUDGET).toBe(153_600));
  test('passes a card at the budget and names one a byte over it', () => {
    expect(overBudget('story', CARD_BUDGET)).toBeNull();
    expect(overBudget('story', CARD_BUDGET + 1)).toBe('card story: 153601 bytes, over its budget of 153600 bytes');
    expect(overBudget('big', 2_000_000, 1_000)).toMatch(/^card big: 2000000 bytes/);
  });
});

describe('text on a card', () => {
  const long = 'word '.repeat(80).trim();
  test('takes the largest size at which the text fits its lines', () => {
    expect(fitText('Record of changes', 1104, [72, 64], 3, 'bold')).toEqual({ size: 72, lines: ['Record of changes'] });
    expect(fitText('one two three four five six', 300, [40, 20], 1, 'regular')).toEqual({ size: 20, lines: ['one two three four five six'] });
  });
  test('cuts what does not fit at the smallest size, with an ellipsis', () => {
    const fit = fitText(long, 400, [30, 24], 3, 'regular');
    expect(fit.size).toBe(24);
    expect(fit.lines).toHaveLength(3);
    expect(fit.lines[2]).toMatch(/…$/);
  });
  test('a title and its line stay within their room, the line cut if need be', () => {
    for (const room of [120, 250, 400]) {
      const block = textBlock({ title: 'A title that runs to two lines or so', sub: long }, 450, [46, 34], [28, 24], room);
      expect(block.height).toBeLessThanOrEqual(room);
    }
    const roomy = textBlock({ title: 'Short', sub: 'Short too' }, 450, [46, 34], [28, 24], 400);
    expect(roomy.svg(0, 0).join('')).toContain('font-size:46px');
  });
});
