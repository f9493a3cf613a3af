/**
 * What the keyboard explorer and the sonifier read of a chart: its data points (kit/points.ts) as the
 * frame prints them in `data-points`, and pure functions over them: where each key moves, what each
 * point says, what pitch it plays. No DOM: unit-tested in tests/unit/explore.test.ts.
 */
import type { ChartPoint, PointUnit } from '../../charts/kit/points';
import type { StoryCohort } from '../cohort-url';

/** A point as the frame prints it for the explorer: what it needs to move, speak and play. */
export type ExplorePoint = Pick<ChartPoint, 'key' | 'series' | 'group' | 'side' | 'measure' | 'value' | 'unit' | 'text' | 'missing'>;

export function explorePoints(points: readonly ChartPoint[]): ExplorePoint[] {
  return points.map(({ key, series, group, side, measure, value, unit, text, missing }) => ({
    key,
    series,
    group,
    side,
    measure,
    value,
    unit,
    text,
    ...(missing ? { missing } : {}),
  }));
}

/** The keys the explorer answers, and what each does. */
export type Move = 'next' | 'previous' | 'next-series' | 'previous-series' | 'first' | 'last';

export const MOVE_KEYS: Readonly<Record<string, Move>> = {
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  ArrowDown: 'next-series',
  ArrowUp: 'previous-series',
  Home: 'first',
  End: 'last',
};

/** The series of a list, in order of first appearance, each with the indices of its points. */
function seriesOf(points: readonly ExplorePoint[]): number[][] {
  const groups = new Map<string, number[]>();
  points.forEach((p, i) => {
    const list = groups.get(p.series) ?? [];
    list.push(i);
    groups.set(p.series, list);
  });
  return [...groups.values()];
}

/**
 * Where a move goes from point `at` (null: not on a point yet, which every move enters at the first
 * point, End at the last). Left and Right step through the list in reading order, across series;
 * Up and Down jump to the previous or next series, at the same place in it or its last point; at an
 * edge a move stays where it is.
 */
export function move(points: readonly ExplorePoint[], at: number | null, how: Move): number {
  const last = points.length - 1;
  if (at === null) return how === 'last' ? last : 0;
  switch (how) {
    case 'next':
      return Math.min(last, at + 1);
    case 'previous':
      return Math.max(0, at - 1);
    case 'first':
      return 0;
    case 'last':
      return last;
    case 'next-series':
    case 'previous-series': {
      const all = seriesOf(points);
      const s = all.findIndex((list) => list.includes(at));
      const to = all[how === 'next-series' ? s + 1 : s - 1];
      if (!to) return at;
      const place = all[s]!.indexOf(at);
      return to[Math.min(place, to.length - 1)]!;
    }
  }
}

/** How each kind of number is read after its value. */
export const UNIT_WORDS: Readonly<Record<PointUnit, string>> = {
  share: 'a share',
  'more-likely': 'a comparison with another group, not a share',
  ratio: 'a ratio, not a share',
  count: 'people',
  index: 'an index of output',
  points: 'percentage points',
};

/** What a missing value says, by how the drawing marks it. */
export const MISSING_WORDS = {
  'not-reported': 'Not reported — the study published no figure for this group',
  illustrative: 'illustrative — the study published no figure; the chart shows an example',
  unpublished: 'not published by the study',
  'in-words': 'no number — the page puts it in words',
} as const;

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * One point in words, as the live region says it: "Top AI performers, feel burned out: 88%, a
 * share", or "Freelancers, feel burned out: Not reported — the study published no figure for this
 * group". The cohort the reader chose is named when the point belongs to it; with `position`,
 * where the point sits ("3 of 12").
 */
export function pointWords(p: ExplorePoint, o: { cohort?: StoryCohort; position?: [number, number] } = {}): string {
  const value = p.value === null || p.text === null ? MISSING_WORDS[p.missing ?? 'not-reported'] : `${p.text}, ${UNIT_WORDS[p.unit]}`;
  const chosen = o.cohort && p.side === o.cohort ? ' (the group you chose)' : '';
  const where = o.position ? `. ${o.position[0]} of ${o.position[1]}` : '';
  return `${p.group}${chosen}, ${lowerFirst(p.measure)}: ${value}${where}.`;
}

/** The pitch of each point, Hz, or null for a rest: values of one unit share a scale, 220–880 Hz, higher for more. */
export function pitches(points: readonly ExplorePoint[]): (number | null)[] {
  const range = new Map<PointUnit, [number, number]>();
  for (const p of points) {
    if (p.value === null) continue;
    const [lo, hi] = range.get(p.unit) ?? [p.value, p.value];
    range.set(p.unit, [Math.min(lo, p.value), Math.max(hi, p.value)]);
  }
  return points.map((p) => {
    if (p.value === null) return null;
    // Shares sit on their own 0–100 scale, so 88% always sounds the same; other units on their range.
    const [lo, hi] = p.unit === 'share' ? [0, 100] : range.get(p.unit)!;
    const t = hi === lo ? 0.5 : (p.value - lo) / (hi - lo);
    // Two octaves, evenly spaced in pitch (a logarithmic scale of frequency).
    return Math.round(220 * 2 ** (2 * Math.min(1, Math.max(0, t))));
  });
}

/** The key help, as the frame shows it on focus and the explorer says it on "?" or "H". */
export const KEY_HELP =
  'Left and Right arrows: step through the values. Up and Down: jump between groups. Home and End: first and last value. ' +
  'L or the Listen button: play the values as tones (L again or Escape stops). S: tones while you step, on or off. ' +
  '? or H: these keys. Tab leaves the chart.';
