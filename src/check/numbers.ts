/**
 * The numbers in a sentence about the study, in figures and in words, for the sentence checker
 * (issue: "Check a sentence"). Pure: no DOM, no data. Each rule is a plain pattern with its own
 * test (tests/unit/check-numbers.test.ts):
 *
 * - a share: "88%", "88 %", "88 percent", "88 per cent", "eighty-eight percent";
 * - a share in words: "nine in ten", "one in four", "two-thirds", "half", "a quarter", "a third";
 * - a ratio: "twice", "2x", "three times", "double";
 * - a plain number: "2,500", "1.5" — a count or a number the checker cannot yet place.
 *
 * A hedge before a number ("nearly", "almost", "about", "more than", "over", "at least", "up to")
 * is kept, not applied: "nearly nine in ten" is 90 with the hedge "nearly", never 89. A share in
 * words keeps its exact value (two-thirds is 200/3), so the checker can say how far it is from a
 * published figure without rounding one into existence.
 */

export type NumberUnit = 'percent' | 'times' | 'number';

export interface NumberMention {
  /** The value: a share in percent (0–100, or more for "150%"), a ratio, or a plain number. */
  value: number;
  unit: NumberUnit;
  /** Written as a fraction or a ratio in words ("nine in ten", "two-thirds", "twice"), not in figures. */
  inWords: boolean;
  /** The hedge word(s) before it, lower case, or null. */
  hedge: string | null;
  /** The words matched, as written, and where: text.slice(start, end) === text. */
  text: string;
  start: number;
  end: number;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** Denominators of "N in M" and of fractions in words. */
const PARTS: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };
const RATIOS: Record<string, number> = { twice: 2, double: 2, doubled: 2, thrice: 3, triple: 3, tripled: 3 };
const HEDGES = ['more than', 'less than', 'fewer than', 'at least', 'up to', 'nearly', 'almost', 'about', 'around', 'roughly', 'approximately', 'over', 'under', 'some', 'close to'];

const UNIT_WORD = Object.keys(UNITS).join('|');
const TENS_WORD = Object.keys(TENS).join('|');
/** A number in words up to 99: "nine", "eighty-eight", "eighty eight", "forty". */
const WORD_NUMBER = `(?:(?:${TENS_WORD})(?:[\\s-](?:${UNIT_WORD}))?|${UNIT_WORD}|a|an)`;
const FIGURE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const HEDGE = `(?:(${HEDGES.map((h) => h.replace(' ', '\\s+')).join('|')})\\s+)?`;

/** The value of a number in words up to 99 ("a" and "an" are one), or NaN. */
export function wordValue(words: string): number {
  const w = words.toLowerCase().trim();
  if (w === 'a' || w === 'an') return 1;
  if (w in UNITS) return UNITS[w]!;
  const [tens, unit] = w.split(/[\s-]+/);
  if (tens && tens in TENS) return TENS[tens]! + (unit ? (UNITS[unit] ?? NaN) : 0);
  return NaN;
}

interface Rule {
  unit: NumberUnit;
  inWords: boolean;
  pattern: RegExp;
  /** From the match's groups (after the hedge's), the value; NaN to skip the match. */
  value: (groups: string[]) => number;
}

const figure = (s: string) => Number(s.replace(/,/g, ''));

/** In order: an earlier rule's match wins over a later one that overlaps it. */
const RULES: Rule[] = [
  // "nine in ten", "1 in 4", "one out of five"
  {
    unit: 'percent',
    inWords: true,
    pattern: new RegExp(`\\b${HEDGE}(${WORD_NUMBER}|\\d+)\\s+(?:in|out\\s+of)\\s+(${WORD_NUMBER}|\\d+)\\b`, 'gi'),
    value: ([n, d]) => {
      const num = /\d/.test(n!) ? Number(n) : wordValue(n!);
      const den = /\d/.test(d!) ? Number(d) : wordValue(d!);
      return den > 0 && num <= den ? (100 * num) / den : NaN;
    },
  },
  // "two-thirds", "three quarters", "a third", "one-fifth", "half" (alone)
  {
    unit: 'percent',
    inWords: true,
    pattern: new RegExp(`\\b${HEDGE}(?:(${WORD_NUMBER})[\\s-]+)?(${Object.keys(PARTS).join('|')})\\b`, 'gi'),
    value: ([n, part]) => {
      const den = PARTS[part!.toLowerCase()]!;
      // "half" stands alone; "third" alone is an ordinal ("the third question"), not a share.
      if (n === undefined && den !== 2) return NaN;
      const num = n === undefined ? 1 : wordValue(n);
      return num <= den ? (100 * num) / den : NaN;
    },
  },
  // "88%", "88 percent", "88 per cent", "eighty-eight percent"
  {
    unit: 'percent',
    inWords: false,
    pattern: new RegExp(`(?<![\\w.])${HEDGE}(${FIGURE}|${WORD_NUMBER})\\s*(?:%|per\\s*cent\\b|pct\\b)`, 'gi'),
    value: ([n]) => (/\d/.test(n!) ? figure(n!) : wordValue(n!)),
  },
  // "twice", "double"
  {
    unit: 'times',
    inWords: true,
    pattern: new RegExp(`\\b${HEDGE}(${Object.keys(RATIOS).join('|')})\\b`, 'gi'),
    value: ([w]) => RATIOS[w!.toLowerCase()]!,
  },
  // "2x", "3×", "three times", "2.5 times"
  {
    unit: 'times',
    inWords: false,
    pattern: new RegExp(`(?<![\\w.])${HEDGE}(${FIGURE}|${WORD_NUMBER})\\s*(?:x\\b|×|times\\b)`, 'gi'),
    value: ([n]) => (/\d/.test(n!) ? figure(n!) : wordValue(n!)),
  },
  // Any other figure: "2,500", "2025", "1.5"
  {
    unit: 'number',
    inWords: false,
    pattern: new RegExp(`(?<![\\w.,])${HEDGE}(${FIGURE})(?![\\w%])`, 'gi'),
    value: ([n]) => figure(n!),
  },
];

/** Every number in the text, in reading order, none overlapping another. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      const [hedge, ...groups] = m.slice(1);
      if (rule.unit === 'number' && /^(19|20)\d\d$/.test(groups[0]!) && !hedge) continue; // a year, not a figure
      const value = rule.value(groups as string[]);
      if (!Number.isFinite(value)) continue;
      found.push({ value, unit: rule.unit, inWords: rule.inWords, hedge: hedge ? hedge.toLowerCase().replace(/\s+/g, ' ') : null, text: m[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
