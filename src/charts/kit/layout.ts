/**
 * The kit's measures, in px, and the row stack every chart lays out with. A label row carries the
 * group name and the value on one line; the bar band sits under it. Charts place rows with
 * stack(), never by adding offsets by hand.
 */
/** A label line above a bar. */
export const LABEL = 18;
/** Baseline of 14 px label text within its line. */
export const LABEL_BASELINE = 13;
/** The bar band. */
export const BAR = 16;

/** The ▶ that marks the chosen cohort's label, with the no-break space after it. */
export const SELECTED_MARK = '▶\u00a0';

/** Tops of rows of the given heights, each `gap` apart, and the total height (no trailing gap). */
export function stack(heights: readonly number[], gap = 0): { tops: number[]; height: number } {
  const tops: number[] = [];
  let y = 0;
  for (const h of heights) {
    tops.push(y);
    y += h + gap;
  }
  return { tops, height: heights.length ? y - gap : 0 };
}

/** A position of 0–100 (worked out at build time by scales.ts) as an SVG length. */
export const pct = (x: number): string => `${x}%`;
