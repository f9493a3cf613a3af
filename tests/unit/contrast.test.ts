/**
 * The colour tokens meet WCAG 2.2 contrast in light and dark mode: text 4.5:1 against the page
 * (and the surface colour), chart marks 3:1 (1.4.11). Reads tokens.css itself, so a palette change
 * that breaks contrast fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const css = readFileSync('src/styles/tokens.css', 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`no ${selector} block in tokens.css`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

const light = block(':root {');
const dark = block(":root[data-theme='dark']");
const darkMedia = block(":root:not([data-theme='light'])");

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('contrast() agrees with known values', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
});

test('the dark palette is the same in the media query and the explicit theme', () => {
  expect(darkMedia).toEqual(dark);
});

describe.each([
  ['light', light],
  ['dark', dark],
])('%s mode', (_mode, t) => {
  test.each(['ink', 'ink-soft', 'link', 'full-time', 'freelancers', 'all', 'not-reported'])(
    '--%s is readable as text on the page and the surface (4.5:1)',
    (name) => {
      expect(contrast(t[name]!, t.bg!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(t[name]!, t.surface!)).toBeGreaterThanOrEqual(4.5);
    },
  );
  test.each(['full-time', 'freelancers', 'all', 'rule', 'focus'])('--%s reaches 3:1 as a mark', (name) => {
    expect(contrast(t[name]!, t.bg!)).toBeGreaterThanOrEqual(3);
  });
  test('text on a filled bar (the page colour on a cohort colour) reaches 4.5:1', () => {
    expect(contrast(t.bg!, t['full-time']!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(t.bg!, t.freelancers!)).toBeGreaterThanOrEqual(4.5);
  });
  test('the two cohort colours differ in lightness, not hue alone', () => {
    // Distinct for colour-blind readers too: a luminance gap on top of the blue/orange hue split.
    expect(Math.abs(luminance(t['full-time']!) - luminance(t.freelancers!))).toBeGreaterThan(0.005);
  });
});
