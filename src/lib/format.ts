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

/** Words that keep their capital at the start of a label set inside a sentence. */
/** Items in running text: "A", "A and B", "A, B and C" (no serial comma; '' for none). */
export function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}

const PROPER = new Set(['Upwork']);

/**
 * A label as it reads inside a sentence: "Top AI performers" → "top AI performers". Only a plain
 * capitalised first word loses its capital; acronyms ("AI users"), initials ("C-suite executives")
 * and names ("Upwork platform data") keep theirs, and nothing after the first letter changes.
 */
export function inSentence(label: string): string {
  const first = label.split(/\s/, 1)[0] ?? '';
  if (!/^[A-Z][a-z]/.test(first) || PROPER.has(first.replace(/\W+$/, ''))) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
