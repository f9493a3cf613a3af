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
    expect(chartsShowLine(undefined, ['full-time', 'full-time'])).toBe('Charts show: Full-time employees.');
    expect(chartsShowLine('freelancers', ['freelancers'])).toBe('Charts show: Freelancers.');
    expect(chartsShowLine('all', ['all'])).toBe('Charts show: All respondents.');
  });
  test('an unknown value falls back to the default and is never echoed', () => {
    expect(chartsShowLine('<b>x</b>', ['full-time'])).toBe('Charts show: Full-time employees.');
  });
  test('is null on a page without charts', () => {
    expect(chartsShowLine('freelancers', [])).toBeNull();
  });
  test('says when charts that had not loaded show another group', () => {
    expect(chartsShowLine('freelancers', ['freelancers', 'full-time'])).toBe(
      'Charts show: Freelancers. One chart further down had not loaded yet and shows Full-time employees: scroll to the end of the page, then print again.',
    );
    expect(chartsShowLine('all', ['all', 'full-time', 'full-time'])).toBe(
      'Charts show: All respondents. 2 charts further down had not loaded yet and show Full-time employees: scroll to the end of the page, then print again.',
    );
  });
});

describe('printedUrl', () => {
  test('the canonical address, with ?cohort= only for a group other than the default', () => {
    expect(printedUrl('https://example.org/ai/', 'full-time')).toBe('https://example.org/ai/');
    expect(printedUrl('https://example.org/ai/', undefined)).toBe('https://example.org/ai/');
    expect(printedUrl('https://example.org/ai/#trust', 'freelancers')).toBe('https://example.org/ai/?cohort=freelancers');
  });
});
