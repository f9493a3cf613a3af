/** The baseline the chart opens with, before the reader moves the slider. Illustrative only. */
export const DEFAULT_BASELINE = 20;
/** The lowest baseline offered: one colleague in 100. */
export const MIN_BASELINE = 1;
