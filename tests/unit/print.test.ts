/** The pure parts of the print script: opening tables, the "Charts show" line, the printed address. */
import { describe, expect, test } from 'vitest';
import { chartsShowLine, openAll, printedUrl } from '../../src/lib/print';

describe('openAll', () => {
  test('opens the closed ones and closes only those again', () => {
    const items = [{ open: false }, { open: true }, { open: false }];
    const restore = openAll(items);
    expect(items.map((d) => d.open)).toEqual([true, true, true]);
    restore();
    expect(items.map((d) => d.open)).toEqual([false, true, false]);
  });
});

describe('chartsShowLine', () => {
  test('names the page group, full-time by default', () => {
    expect(chartsShowLine(undefined, 2)).toBe('Charts show: Full-time employees.');
    expect(chartsShowLine('freelancers', 1)).toBe('Charts show: Freelancers.');
    expect(chartsShowLine('all', 8)).toBe('Charts show: All respondents.');
  });
  test('an unknown value falls back to the default and is never echoed', () => {
    expect(chartsShowLine('<b>x</b>', 1)).toBe('Charts show: Full-time employees.');
  });
  test('is null on a page without charts', () => {
    expect(chartsShowLine('freelancers', 0)).toBeNull();
  });
});

describe('printedUrl', () => {
  test('the canonical address, with ?cohort= only for a group other than the default', () => {
    expect(printedUrl('https://example.org/ai/', 'full-time')).toBe('https://example.org/ai/');
    expect(printedUrl('https://example.org/ai/', undefined)).toBe('https://example.org/ai/');
    expect(printedUrl('https://example.org/ai/#trust', 'freelancers')).toBe('https://example.org/ai/?cohort=freelancers');
  });
});
