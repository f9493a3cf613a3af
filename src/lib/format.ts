/**
 * Number formats for client components, without shipping a formatting library: whole numbers with
 * thousands separators ("2,500") and margins of error to one decimal ("±3.9 points"). Build-time
 * code formats with d3-format (data/select.ts); tests check the two agree.
 */
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const formatInt = (n: number): string => whole.format(n);

/** One decimal, as d3-format's ".1f". */
export const formatPoints = (n: number): string => n.toFixed(1);

/** "±3.9 points" for a margin of error already in percentage points. */
export const formatMarginPoints = (points: number): string => `±${formatPoints(points)} points`;

/** Up to two decimals, trailing zeros dropped, as d3-format's ".2~f": 37.6, 99.64, 47, 1.88. */
export const formatDecimal = (n: number): string => String(Number(n.toFixed(2)));
