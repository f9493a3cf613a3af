/**
 * The sentence checker: the claims a text makes about the study, each placed on a figure of the
 * report (or of another study, or on none), with the ways it departs from the report's wording.
 * Pure: no DOM, no I/O; the page (/check/) and the command line (check:claim) run this same code.
 *
 * How a claim is read, in order:
 * 1. Anchors: every number (a share, a ratio, a count of people), every "more likely" without one,
 *    and every cause word that names an outcome ("increases burnout") in a clause with no number.
 * 2. Around each anchor: the group (the words nearest it, a top-performer qualifier first; never
 *    in the comparison, "than their colleagues"), the question (the topic words nearest after it,
 *    then before it), the reading ("more likely", "a boost", or a share) and any cause word.
 * 3. The figure: a figure of that topic whose value the number agrees with (a hedge is honoured,
 *    never applied); else a headline figure with exactly that number, under another question; else
 *    another study's figure; else a figure of that topic a few points away (the number changed);
 *    else no figure at all: "not in the report", unplaced, never guessed.
 * 4. The departures, against the report's own row: the group, the reading, the number, the
 *    question, a cause. A claim without a number joins the numbered claim on the same figure.
 */
import type { Drift, TrailFigure } from '../data/trail';
import { DRIFTS, RELATIVE_UNITS } from '../data/trail';
import type { Unit } from '../data/vocab';
import {
  CAUSES,
  COMPARISON,
  GROUPS,
  INCREASE_AFTER,
  INCREASE_BEFORE,
  MORE_LIKELY,
  OUTCOMES,
  PEOPLE_AFTER,
  PEOPLE_BEFORE,
  POINTING,
  RELATIVE_NO_NUMBER,
  TOPIC_WORDS,
  VARIANTS,
  type GroupRead,
} from './lexicon';
import { findNumbers, type NumberMention } from './numbers';
import type { CheckData, CheckFigure, CheckResult, CheckedSentence, Claim, ClaimReading } from './types';

export type * from './types';

interface Span {
  start: number;
  end: number;
}

/** Sentences of a text, with where each starts: a break after . ! ? before a capital or a digit, or a line break. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const boundary = /(?<=[.!?]["”’)]?)\s+(?=["“‘'(]?[A-Z0-9])|\n+/g;
  let from = 0;
  const push = (end: number) => {
    const piece = text.slice(from, end);
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (body) out.push({ text: body, start: from + lead });
  };
  for (const m of text.matchAll(boundary)) {
    push(m.index!);
    from = m.index! + m[0].length;
  }
  push(text.length);
  return out;
}

/** Clauses of a sentence: split at ; … — and "..." so that a headline before "…" keeps its own group. */
function clauses(sentence: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of sentence.matchAll(/;|…|\.\.\.|\s[—–]\s/g)) {
    out.push({ start: from, end: m.index! });
    from = m.index! + m[0].length;
  }
  out.push({ start: from, end: sentence.length });
  return out;
}

/** The text with these spans replaced by spaces, so that offsets still hold. */
const blank = (text: string, spans: readonly Span[]) =>
  spans.reduce((out, s) => out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end), text);

const matches = (pattern: RegExp, text: string) => [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))];

interface GroupHit extends Span {
  group: GroupRead;
  words: string;
}

/**
 * Each pattern's matches in the text, in the patterns' order, none overlapping an earlier one:
 * an earlier pattern wins where two would read the same words. `keep` may refuse a match.
 */
function firstHits<P extends { pattern: RegExp }>(patterns: readonly P[], text: string, keep: (p: P, start: number) => boolean = () => true) {
  const hits: (Span & { of: P; words: string })[] = [];
  for (const p of patterns) {
    for (const m of matches(p.pattern, text)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (hits.some((h) => start < h.end && h.start < end) || !keep(p, start)) continue;
      hits.push({ of: p, words: m[0], start, end });
    }
  }
  return hits;
}

/** Every group the text names, outside its comparisons; general nouns after "these" name none. */
function groupHits(sentence: string, numbers: readonly NumberMention[]): GroupHit[] {
  // "More than half" is a hedge, not a comparison: numbers are set aside before comparisons are found.
  const numbersOut = blank(sentence, numbers);
  const masked = blank(sentence, matches(COMPARISON, numbersOut).map((m) => ({ start: m.index!, end: m.index! + m[0].length })));
  return firstHits(GROUPS, masked, (g, start) => !(g.group === 'general' && POINTING.test(masked.slice(0, start)))).map((h) => ({
    group: h.of.group,
    words: sentence.slice(h.start, h.end),
    start: h.start,
    end: h.end,
  }));
}

/** The group of an anchor: a top-performer qualifier in scope first, else the named group nearest the anchor. */
function pickGroup(hits: GroupHit[], scope: Span, at: number): GroupHit | null {
  const inScope = hits.filter((h) => h.start >= scope.start && h.end <= scope.end);
  if (!inScope.length) return null;
  const top = inScope.find((h) => h.group === 'top_ai_performers');
  if (top) return top;
  // A named cohort ("freelancers", "executives") before a general noun ("respondents").
  const named = inScope.filter((h) => h.group !== 'general');
  const distance = (h: GroupHit) => (h.end <= at ? at - h.end : h.start - at + 0.5);
  return [...(named.length ? named : inScope)].sort((a, b) => distance(a) - distance(b))[0]!;
}

interface TopicHit extends Span {
  topic: string;
  words: string;
}

function topicHits(text: string): TopicHit[] {
  return firstHits(TOPIC_WORDS, text).map((h) => ({ topic: h.of.topic, words: h.words, start: h.start, end: h.end }));
}

/** The topics around an anchor, nearest after it first, then nearest before it; each topic once. */
function topicsNear(hits: TopicHit[], window: Span, anchor: Span): TopicHit[] {
  const inside = hits.filter((h) => h.start >= window.start && h.end <= window.end);
  const after = inside.filter((h) => h.start >= anchor.end).sort((a, b) => a.start - b.start);
  const before = inside.filter((h) => h.end <= anchor.start).sort((a, b) => b.end - a.end);
  const seen = new Set<string>();
  return [...after, ...before].filter((h) => !seen.has(h.topic) && seen.add(h.topic));
}

const FAMILY: Record<string, string> = {
  percent: 'percent',
  one_in: 'percent',
  percent_more_likely: 'percent',
  percent_increase: 'percent',
  times_as_likely: 'times',
  people: 'number',
};

/** The number agrees with the figure: exactly, or as its hedge and its words allow. */
export function agrees(n: NumberMention, published: number, unit: Unit): boolean {
  if (FAMILY[unit] !== n.unit) return false;
  const value = asRead(published, unit);
  const x = n.value;
  const near = n.unit === 'times' ? 0.05 : n.unit === 'number' ? x * 0.02 : n.inWords ? 2 : 0.001;
  switch (n.hedge) {
    case null:
      return Math.abs(value - x) <= near;
    case 'nearly':
    case 'almost':
    case 'close to':
      return value < x && x - value <= (n.unit === 'times' ? 0.25 : Math.max(3, x * 0.05));
    case 'more than':
    case 'over':
      return value > x;
    case 'at least':
      return value >= x;
    case 'less than':
    case 'fewer than':
    case 'under':
      return value < x;
    case 'up to':
      return value <= x;
    default:
      // about, around, roughly, approximately, some
      return Math.abs(value - x) <= (n.unit === 'times' ? 0.25 : Math.max(2, x * 0.05));
  }
}

/** The figure's own source hedges it the same way ("nearly 300%"): the same words agree with it. */
function hedgedAsSource(n: NumberMention, f: CheckFigure): boolean {
  if (!n.hedge || n.value !== f.value) return false;
  const value = String(f.value).replace(/\B(?=(\d{3})+$)/g, ',?');
  return new RegExp(`\\b${n.hedge.replace(' ', '\\s+')}\\s+${value}\\b`, 'i').test(f.quote);
}

/** The number agrees with the figure as its hedge allows, or as its source words it. */
const fits = (n: NumberMention, f: CheckFigure) => agrees(n, f.value, f.unit) || hedgedAsSource(n, f);

/** A figure's value as a sentence's number is read: "1 in 3" (stored as 3) is a share of 100/3. */
const asRead = (value: number, unit: Unit) => (unit === 'one_in' ? 100 / value : value);

/** A few points away: the same figure with its number changed. */
function close(n: NumberMention, published: number, unit: Unit): boolean {
  if (FAMILY[unit] !== n.unit) return false;
  const value = asRead(published, unit);
  const limit = n.unit === 'times' ? 0.5 : n.unit === 'number' ? value * 0.1 : 5;
  return Math.abs(value - n.value) <= limit;
}

/** The cohorts a group read may stand for. */
const COHORTS_OF: Record<GroupRead, string[]> = {
  top_ai_performers: ['top_ai_performers'],
  general: ['all_respondents', 'full_time'],
  full_time: ['full_time'],
  freelancers: ['freelancers'],
  executives: ['executives'],
  upwork_platform: ['upwork_platform'],
};
const SIZE: Record<string, number> = { all_respondents: 2500, general: 2500, executives: 1250, full_time: 625, freelancers: 625, top_ai_performers: 1 };

/** How the group a sentence names departs from the report's group for the figure, if it does. */
function groupDeparture(read: GroupRead | null, cohorts: string[]): Drift | null {
  if (!read || cohorts.includes('upwork_platform') || read === 'upwork_platform') return null;
  if (COHORTS_OF[read].some((c) => cohorts.includes(c))) return null;
  // The heaviest users are a part of every employee group: a figure of all employees given to them
  // is not flagged (the trail records none); given to freelancers or executives, it is.
  if (read === 'top_ai_performers' && cohorts.some((c) => c === 'all_respondents' || c === 'full_time')) return null;
  const theirs = Math.max(...cohorts.map((c) => SIZE[c] ?? 0));
  return (SIZE[read] ?? 0) >= theirs ? 'group-widened' : 'group-narrowed';
}

interface Anchor extends Span {
  number: NumberMention | null;
  /** For a claim without a number: the topic the words name. */
  topic: string | null;
  /** The clause the anchor is in. */
  clause: Span;
}

/** What was read around an anchor, before any figure is chosen. */
interface Reading {
  group: GroupHit | null;
  topics: TopicHit[];
  unit: Unit | 'people' | null;
  readingWords: string | null;
  variant: { figure: string; words: string } | null;
  /** The content words of the anchor's clause. */
  words: Set<string>;
}

function readUnit(sentence: string, a: Anchor): { unit: Unit | 'people' | null; words: string | null } {
  const n = a.number;
  if (!n) return { unit: null, words: null };
  const after = sentence.slice(a.end);
  if (n.unit === 'times') {
    const m = /^\s*(?:as\s+likely|more\s+likely|as\s+\w+)/i.exec(after);
    return { unit: 'times_as_likely', words: m ? m[0].trim() : null };
  }
  if (n.unit === 'number') return { unit: 'people', words: null };
  const likely = MORE_LIKELY.exec(after);
  if (likely) return { unit: 'percent_more_likely', words: likely[0].trim() };
  const gain = INCREASE_AFTER.exec(after);
  if (gain) return { unit: 'percent_increase', words: gain[0].trim() };
  const before = INCREASE_BEFORE.exec(sentence.slice(0, a.start));
  if (before) return { unit: 'percent_increase', words: before[0].trim() };
  const of = /^\s*(?:\)\s*)?of\b/i.exec(after);
  return { unit: 'percent', words: of ? 'of' : null };
}

/** The first cause word in a span of the sentence, or null. */
function causeIn(sentence: string, span: Span): string | null {
  const text = sentence.slice(span.start, span.end);
  let first: RegExpMatchArray | null = null;
  for (const c of CAUSES) for (const m of matches(c, text)) if (!first || m.index! < first.index!) first = m;
  return first ? first[0] : null;
}

/** Where one claim's words end and the next begin inside a clause: ", and", ", but", ", while". */
const JOIN = /,\s+(?:and|but|while|whereas|yet)\b/gi;

/** The part of a window that is the anchor's own: cut at the joins before and after it. */
function ownPart(sentence: string, window: Span, anchor: Span): Span {
  let { start, end } = window;
  for (const m of matches(JOIN, sentence.slice(window.start, window.end))) {
    const at = window.start + m.index!;
    if (at + m[0].length <= anchor.start) start = at + m[0].length;
    else if (at >= anchor.end && end === window.end) end = at;
  }
  return { start, end };
}

function variantIn(text: string, topic: string): { figure: string; words: string } | null {
  for (const v of VARIANTS) {
    if (v.topic !== topic) continue;
    const m = matches(v.pattern, text)[0];
    if (m) return { figure: v.figure, words: m[0] };
  }
  return null;
}

/** The anchors of one sentence: its numbers, its "more likely" without a number, its causes of an outcome. */
function anchorsOf(sentence: string, numbers: readonly NumberMention[], topics: TopicHit[]): Anchor[] {
  const parts = clauses(sentence);
  const clauseOf = (at: number) => parts.find((c) => at >= c.start && at <= c.end) ?? { start: 0, end: sentence.length };
  const anchors: Anchor[] = [];
  for (const n of numbers) {
    if (n.unit === 'number' && !PEOPLE_AFTER.test(sentence.slice(n.end)) && !PEOPLE_BEFORE.test(sentence.slice(0, n.start))) continue;
    anchors.push({ start: n.start, end: n.end, number: n, topic: null, clause: clauseOf(n.start) });
  }
  const numbered = [...anchors];
  for (const m of matches(RELATIVE_NO_NUMBER, sentence)) {
    const start = m.index!;
    if (numbered.some((a) => /^[\s)]*$/.test(sentence.slice(a.end, start)) && a.end <= start)) continue;
    const clause = clauseOf(start);
    const next = numbered.filter((a) => a.start > start && a.start < clause.end).map((a) => a.start);
    const end = Math.min(clause.end, ...next);
    for (const t of topics.filter((h) => h.start >= start && h.end <= end)) {
      if (!anchors.some((a) => !a.number && a.topic === t.topic && a.clause === clause)) {
        anchors.push({ start, end: start + m[0].length, number: null, topic: t.topic, clause });
      }
    }
  }
  for (const c of CAUSES) {
    for (const m of matches(c, sentence)) {
      const clause = clauseOf(m.index!);
      if (anchors.some((a) => a.start >= clause.start && a.end <= clause.end)) continue;
      for (const t of topics.filter((h) => h.start >= m.index! && h.end <= clause.end && OUTCOMES.has(h.topic))) {
        if (!anchors.some((a) => !a.number && a.topic === t.topic && a.clause === clause)) {
          anchors.push({ start: m.index!, end: m.index! + m[0].length, number: null, topic: t.topic, clause });
        }
      }
    }
  }
  return anchors.sort((a, b) => a.start - b.start);
}

interface Placed {
  figure: CheckFigure | null;
  key: TrailFigure | string;
  departures: Set<Drift>;
  question: string | null;
}

/** The rows that hold the report's own wording for a placed figure: its trail's rows from the report, or itself. */
function referenceRows(f: CheckFigure, data: CheckData): CheckFigure[] {
  if (!f.trail) return [f];
  const siblings = data.figures.filter((g) => g.trail === f.trail && !g.otherStudy);
  const own = siblings.filter((g) => g.inReport);
  return own.length ? own : siblings;
}

/** Content words of a text, lower case, for telling apart figures with the same number. */
const wordsOf = (text: string) => new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)));
const STOP = new Set(['that', 'this', 'with', 'from', 'they', 'their', 'them', 'have', 'more', 'than', 'say', 'says', 'said', 'were', 'what', 'when', 'which', 'about', 'also']);

/**
 * Of the figures a number agrees with, the one that fits the words best: the group first, then the
 * reading, then the words it shares with the figure's own wording, then the report's own row.
 */
function preferred(candidates: CheckFigure[], r: Reading): CheckFigure {
  const cohorts = r.group ? COHORTS_OF[r.group.group] : [];
  const shared = (f: CheckFigure) => [...wordsOf(`${f.statement} ${f.quote}`)].filter((w) => r.words.has(w)).length;
  const score = (f: CheckFigure) => [cohorts.includes(f.cohort) ? 1 : 0, f.unit === r.unit ? 1 : 0, shared(f), f.inReport ? 1 : 0];
  // Highest first, key by key; the file's order breaks a tie.
  const byScore = (a: number[], b: number[]) => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return i === -1 ? 0 : b[i]! - a[i]!;
  };
  return [...candidates].sort((a, b) => byScore(score(a), score(b)))[0]!;
}

function place(a: Anchor, r: Reading, data: CheckData): Placed {
  const report = data.figures.filter((f) => !f.otherStudy);
  const other = data.figures.filter((f) => f.otherStudy);
  const n = a.number;
  const departures = new Set<Drift>();
  const topics = a.topic ? [a.topic] : r.topics.map((t) => t.topic);
  const onFigure = (f: CheckFigure, question: string | null): Placed => ({ figure: f, key: f.trail ?? f.id, departures, question });

  if (!n) {
    // A claim without a number: only a relative figure of the report can be meant ("more likely to burn out").
    const f = report.find((g) => g.topic === a.topic && g.inReport && RELATIVE_UNITS.includes(g.unit));
    return f ? onFigure(f, a.topic) : { figure: null, key: 'not-in-report', departures, question: a.topic };
  }
  if (n.unit === 'number') {
    const f = report.filter((g) => g.unit === 'people' && agrees(n, g.value, g.unit));
    if (f.length) return onFigure(preferred(f, r), 'sample');
  }
  // 1. A figure of a topic in the words, whose value the number agrees with.
  for (const t of topics) {
    const ok = report.filter((f) => f.topic === t && fits(n, f));
    if (ok.length) return onFigure(preferred(ok, r), t);
  }
  // 2. Exactly a headline figure's number, given to another question.
  if (topics.length && !n.hedge && !n.inWords) {
    const exact = report.filter((f) => f.trail && agrees(n, f.value, f.unit));
    const keys = new Set(exact.map((f) => f.trail));
    if (keys.size === 1) {
      departures.add('question-changed');
      return onFigure(preferred(exact, r), topics[0]!);
    }
  }
  // 3. Another study's figure with this number, on this topic or for this group.
  const cohorts = r.group ? COHORTS_OF[r.group.group] : [];
  const elsewhere = other.filter((f) => agrees(n, f.value, f.unit) && (topics.includes(f.topic) || (!topics.length && cohorts.includes(f.cohort))));
  if (elsewhere.length) {
    departures.add('other-study');
    return { figure: preferred(elsewhere, r), key: 'not-in-report', departures, question: topics[0] ?? null };
  }
  // 4. A figure of the topic a few points away: the number changed.
  for (const t of topics) {
    const nearby = report.filter((f) => f.topic === t && close(n, f.value, f.unit));
    if (nearby.length) {
      departures.add('number-changed');
      return onFigure(preferred(nearby, r), t);
    }
  }
  return { figure: null, key: 'not-in-report', departures, question: topics[0] ?? null };
}

/** "Statement (source)." from a row's statement, which ends with its own full stop. */
const cited = (statement: string, source: string) => `${statement.replace(/[.\s]+$/, '')} (${source}).`;

/**
 * The row a card shows and links to, and a faithful wording of it: for a headline figure, the
 * report's own row (for the group the sentence names, when that is the report's); for any other
 * figure, itself; for another study's figure, that row, credited to its study.
 */
function faithful(p: Placed, r: Reading, data: CheckData): { row: CheckFigure; text: string } | null {
  if (!p.figure) return null;
  // Another study's statement names its study and says it is not this report's: its sources suffice.
  if (p.figure.otherStudy) return { row: p.figure, text: cited(p.figure.statement, p.figure.sources.join('; ')) };
  const refs = referenceRows(p.figure, data);
  const cohorts = r.group ? COHORTS_OF[r.group.group] : [];
  const departed = ['question-changed', 'number-changed', 'group-widened', 'group-narrowed'].some((d) => p.departures.has(d as Drift));
  const row = departed ? refs[0]! : (refs.find((f) => cohorts.includes(f.cohort)) ?? (refs.includes(p.figure) ? p.figure : refs[0]!));
  return { row, text: cited(row.statement, row.inReport ? data.citation : `${data.citation}, as reported by ${row.sources.join(' and ')}`) };
}

function checkSentence(sentence: string, offset: number, data: CheckData, carried: { group: GroupHit | null }): Claim[] {
  const numbers = findNumbers(sentence);
  const groups = groupHits(sentence, numbers);
  const topics = topicHits(blank(sentence, groups));
  const anchors = anchorsOf(sentence, numbers, topics);
  const claims: Claim[] = [];
  const whole = { start: 0, end: sentence.length };
  anchors.forEach((a, i) => {
    const prev = anchors.slice(0, i).filter((b) => b.number && b.clause === a.clause).pop();
    const next = anchors.slice(i + 1).find((b) => b.number && b.clause === a.clause);
    const window = { start: Math.max(a.clause.start, prev?.end ?? 0), end: Math.min(a.clause.end, next?.start ?? sentence.length) };
    const group = pickGroup(groups, a.clause, a.start) ?? pickGroup(groups, whole, a.start) ?? carried.group;
    // A cause counts for the claim whose words it is in: "88% report burnout due to workload, and
    // they are twice as likely to quit" gives the cause to the burnout figure alone.
    const cause = causeIn(sentence, ownPart(sentence, window, a));
    const unit = readUnit(sentence, a);
    const near = a.topic ? topics.filter((t) => t.topic === a.topic && t.start >= a.start).slice(0, 1) : topicsNear(topics, window, a);
    const reading: Reading = { group, topics: near, unit: unit.unit, readingWords: unit.words, variant: null, words: wordsOf(sentence.slice(a.clause.start, a.clause.end)) };
    const placed = place(a, reading, data);
    const topic = placed.figure?.topic ?? placed.question;
    if (topic) reading.variant = variantIn(sentence.slice(a.clause.start, a.clause.end), topic);

    let figure = placed.figure;
    const departures = placed.departures;
    if (figure && !figure.otherStudy) {
      if (reading.variant) {
        const v = data.figures.find((f) => f.id === reading.variant!.figure);
        if (v && v.topic === figure.topic) {
          figure = v;
          departures.add('question-changed');
        }
      }
      const refs = referenceRows(figure, data);
      // A count of people names its group to tell the counts apart, not to give a figure to a group.
      const g = figure.unit === 'people' ? null : groupDeparture(group?.group ?? null, refs.map((f) => f.cohort));
      if (g) departures.add(g);
      const refUnit = refs[0]!.unit;
      if (reading.unit === 'percent' && RELATIVE_UNITS.includes(refUnit)) departures.add('relative-as-share');
      if (reading.unit && reading.unit !== 'percent' && reading.unit !== 'people' && refUnit === 'percent') departures.add('share-as-relative');
      if (a.number && !departures.has('number-changed') && !departures.has('question-changed') && !refs.some((f) => fits(a.number!, f))) {
        departures.add('number-changed');
      }
      if (cause && OUTCOMES.has(figure.topic)) departures.add('cause-added');
    }
    const questionHit = near.find((t) => t.topic === (figure?.topic ?? placed.question)) ?? near[0];
    const read: ClaimReading = {
      group: group?.words ?? null,
      cohort: group ? (group.group === 'general' ? 'all_respondents' : group.group) : null,
      question: reading.variant?.words ?? questionHit?.words ?? null,
      reading: reading.readingWords ?? (a.number ? null : sentence.slice(a.start, a.end)),
      unit: reading.unit,
      cause: figure && !figure.otherStudy && OUTCOMES.has(figure.topic) ? cause : null,
    };
    const done: Placed = { ...placed, figure, key: figure && !figure.otherStudy ? (figure.trail ?? figure.id) : 'not-in-report', departures };
    const wording = faithful(done, reading, data);
    claims.push({
      figure: done.key,
      figureId: wording?.row.id ?? null,
      value: a.number?.value ?? null,
      text: a.number ? a.number.text : sentence.slice(a.start, a.end),
      start: offset + a.start,
      end: offset + a.end,
      hedge: a.number?.hedge ?? null,
      departures: DRIFTS.filter((d) => departures.has(d)),
      read,
      suggestion: wording?.text ?? null,
    });
  });
  const last = groups.filter((g) => g.group !== 'general').pop() ?? groups.pop();
  if (last) carried.group = last;
  return claims;
}

export function checkText(text: string, data: CheckData): CheckResult {
  const carried = { group: null as GroupHit | null };
  const checked: CheckedSentence[] = sentences(text).map((s) => ({ text: s.text, start: s.start, claims: checkSentence(s.text, s.start, data, carried) }));
  // A claim without a number joins the numbered claim on the same figure, anywhere in the text.
  for (const s of checked) {
    s.claims = s.claims.filter((c) => {
      if (c.value !== null || c.figure === 'not-in-report') return true;
      const numbered = checked.flatMap((t) => t.claims).find((o) => o.value !== null && o.figure === c.figure);
      if (!numbered) return true;
      numbered.departures = DRIFTS.filter((d) => numbered.departures.includes(d) || c.departures.includes(d));
      return false;
    });
  }
  return { sentences: checked, claims: checked.flatMap((s) => s.claims) };
}
