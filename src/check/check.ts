/**
 * The sentence checker: the numeric claims a text makes about the study, each placed on a figure of
 * the report (or of another study, or on none), with the ways it departs from the report's wording.
 * Pure: no DOM, no I/O; the page (/check/) and the command line (check:claim) run this same code.
 */
import { findNumbers } from './numbers';
import type { CheckData, CheckResult, CheckedSentence, Claim } from './types';

export type * from './types';

/** Sentences of a text, with where each starts. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^.!?\n]+(?:[.!?]+(?=\s|$)|$|\n)/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ text: m[0], start: m.index! });
  return out;
}

export function checkText(text: string, data: CheckData): CheckResult {
  void data;
  const checked: CheckedSentence[] = sentences(text).map((s) => ({
    text: s.text,
    start: s.start,
    claims: findNumbers(s.text).map(
      (n): Claim => ({
        figure: 'not-in-report',
        figureId: null,
        value: n.value,
        text: n.text,
        start: s.start + n.start,
        end: s.start + n.end,
        hedge: n.hedge,
        departures: [],
        read: { group: null, cohort: null, question: null, reading: null, unit: null, cause: null },
        suggestion: null,
      }),
    ),
  }));
  return { sentences: checked, claims: checked.flatMap((s) => s.claims) };
}
