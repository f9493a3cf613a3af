/**
 * The sentence checker (src/check/check.ts) on the project's data: the hand-written sentences, the
 * report's own wording (never a departure), each study's own statements, the score on the press
 * trail's 90 retellings with its budget, and a fixture for each rule that proves it bites.
 */
import { describe, expect, test } from 'vitest';
import { checkText } from '../../src/check/check';
import { checkerData } from '../../src/check/data';
import { score, scoreText, scoredInput } from '../../src/check/score';
import type { CheckResult } from '../../src/check/types';
import { loadData } from '../../src/data/load';
import { SENTENCES } from '../check/sentences';

const dataset = loadData();
const data = checkerData(dataset);
const claims = (text: string) => checkText(text, data).claims.map((c) => ({ figure: c.figure, departures: c.departures }));

/** The share of retellings the checker must read exactly as recorded. */
const BUDGET = 0.85;
const withinBudget = (s: { exact: number; total: number; reportFlags: unknown[] }) => s.exact / s.total >= BUDGET && s.reportFlags.length === 0;

describe('the hand-written sentences', () => {
  test('there are at least 30, with traps and a sentence with two claims', () => {
    expect(SENTENCES.length).toBeGreaterThanOrEqual(30);
    expect(SENTENCES.some((s) => s.claims.length === 2)).toBe(true);
    expect(SENTENCES.some((s) => s.claims.length === 0)).toBe(true);
  });
  test.each(SENTENCES.map((s) => [s.text, s.claims] as const))('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('the report’s own wording', () => {
  const own = data.figures.filter((f) => f.inReport);
  test('is never read as departing, and each row is placed on itself', () => {
    expect(own.length).toBeGreaterThan(3);
    for (const f of own) {
      for (const text of [f.statement, f.quote].filter((t) => /\d/.test(t))) {
        const found = checkText(text, data).claims;
        expect(found.flatMap((c) => c.departures), text).toEqual([]);
        expect(found.map((c) => c.figureId), text).toContain(f.id);
      }
    }
  });
  test('the trail’s rows from the report: no departure', () => {
    const rows = dataset.coverage.filter((r) => r.source_id === 'upwork-report');
    expect(rows.length).toBe(5);
    for (const r of rows) expect(checkText(scoredInput(r), data).claims.flatMap((c) => c.departures), r.wording).toEqual([]);
  });
  test('another study’s statement is placed on it and named as another study', () => {
    const other = data.figures.filter((f) => f.otherStudy);
    expect(other.length).toBeGreaterThan(2);
    for (const f of other) {
      const found = checkText(f.statement, data).claims.find((c) => c.figureId === f.id);
      expect(found, f.statement).toMatchObject({ figure: 'not-in-report', departures: ['other-study'] });
      // Its own statement, which names its study, with its sources.
      expect(found!.suggestion).toBe(`${f.statement.replace(/\.$/, '')} (${f.sources.join('; ')}).`);
    }
  });
});

describe('the score on the press trail', () => {
  const s = score(dataset.coverage, (text) => checkText(text, data));
  test(`at least ${BUDGET * 100}% of the 90 retellings read exactly as recorded; none of the report's own rows flagged`, () => {
    expect(s.total).toBe(90);
    expect(s.reportFlags).toEqual([]);
    expect(s.exact / s.total).toBeGreaterThanOrEqual(BUDGET);
    expect(withinBudget(s)).toBe(true);
  });
  test('no departure is flagged where none was recorded', () => {
    for (const [d, v] of Object.entries(s.perDeparture)) expect(v.extra, d).toBe(0);
  });
  test('the budget fails a checker that places nothing, and one that flags the report', () => {
    const nothing = score(dataset.coverage, (): CheckResult => ({ sentences: [], claims: [] }));
    expect(nothing.exact).toBe(0);
    expect(withinBudget(nothing)).toBe(false);
    const suspicious = score(dataset.coverage, (text) => {
      const r = checkText(text, data);
      return { ...r, claims: r.claims.map((c) => ({ ...c, departures: [...c.departures, 'cause-added' as const] })) };
    });
    expect(suspicious.reportFlags.length).toBeGreaterThan(0);
    expect(withinBudget(suspicious)).toBe(false);
  });
  test('the table names every miss with its wording', () => {
    const text = scoreText(s);
    expect(text).toMatch(/^Retellings with exactly the recorded figure and departures: \d+ of 90/);
    for (const miss of s.rows.filter((r) => !r.ok)) expect(text).toContain(miss.input);
  });
  test('the group is put in front only where the wording lacks it', () => {
    expect(scoredInput({ wording: '85% say so', group: 'top AI users' })).toBe('top AI users: 85% say so');
    expect(scoredInput({ wording: 'Top AI users, 85% say so', group: 'top AI users' })).toBe('Top AI users, 85% say so');
    expect(scoredInput({ wording: '85% say so', group: null as unknown as string })).toBe('85% say so');
  });
});

describe('each rule bites', () => {
  test('a group in the comparison is not the group', () => {
    expect(claims('Top AI performers: 67% trust AI more than workers do.')).toEqual([{ figure: 'trust-67', departures: [] }]);
    expect(claims('67% of workers trust AI.')).toEqual([{ figure: 'trust-67', departures: ['group-widened'] }]);
  });
  test('"more than half" is a hedge, not a comparison', () => {
    expect(checkText('More than half of workers trust AI more.', data).claims[0]!.read.group).toBe('workers');
  });
  test('a general noun after "these" names no group', () => {
    expect(claims('These workers are twice as likely to quit.')).toEqual([{ figure: 'quitting-2', departures: [] }]);
    expect(claims('Workers are twice as likely to quit.')).toEqual([{ figure: 'quitting-2', departures: ['group-widened'] }]);
  });
  test('a top-performer qualifier outranks the noun it qualifies', () => {
    expect(claims('Employees who heavily use AI are twice as likely to quit.')).toEqual([{ figure: 'quitting-2', departures: [] }]);
    expect(claims('Workers who use AI a lot are twice as likely to quit.')).toEqual([{ figure: 'quitting-2', departures: [] }]);
    expect(claims('Workers who use AI are twice as likely to quit.')).toEqual([{ figure: 'quitting-2', departures: ['group-widened'] }]);
  });
  test('"AI-driven" and "linked to" are not causes; "driven by" and "due to" are', () => {
    expect(claims('The most productive AI users, with AI-driven gains, are twice as likely to quit.')[0]!.departures).toEqual([]);
    expect(claims('Heavy AI use is linked to burnout: top AI performers are 88% more likely to report it.')[0]!.departures).toEqual([]);
    expect(claims('Top AI performers are twice as likely to quit, due to burnout.')[0]!.departures).toEqual(['cause-added']);
  });
  test('a hedge is honoured: "nearly nine in ten" fits 88; "nearly twice" does not fit 2', () => {
    expect(claims('Nearly nine in ten top AI performers report burnout.')[0]!.departures).toEqual(['relative-as-share']);
    expect(claims('Top AI performers are nearly twice as likely to quit.')[0]!.departures).toEqual(['number-changed']);
    expect(claims('Top AI performers are more than twice as likely to quit.')[0]!.departures).toEqual(['number-changed']);
  });
  test('a hedge the source itself uses agrees with it', () => {
    expect(claims('Searches for AI agents talent rose nearly 300%.')[0]).toMatchObject({ departures: [] });
    expect(claims('Searches for AI agents talent rose 302%.')[0]).toMatchObject({ departures: ['number-changed'] });
  });
  test('a number far from every figure of its topic is unplaced, never guessed', () => {
    const [c] = checkText('Top AI performers: 12% trust AI more than colleagues.', data).claims;
    expect(c).toMatchObject({ figure: 'not-in-report', figureId: null, departures: [], suggestion: null });
  });
  test('a number without a question is unplaced, even when it is a headline number', () => {
    expect(claims('88% of them, the report says.')).toEqual([{ figure: 'not-in-report', departures: [] }]);
  });
  test('a claim without a number joins the numbered claim on the same figure', () => {
    expect(claims('AI causes burnout among full-time employees … top AI performers are 88% more likely to burn out.')).toEqual([
      { figure: 'burnout-88', departures: ['group-widened', 'cause-added'] },
    ]);
  });
  test('a group named in an earlier sentence carries to "they"', () => {
    expect(claims('Look at the top AI performers. They are twice as likely to quit.')).toEqual([{ figure: 'quitting-2', departures: [] }]);
    expect(claims('Look at the respondents. They are twice as likely to quit.')).toEqual([{ figure: 'quitting-2', departures: ['group-widened'] }]);
  });
  test('every claim says why: the words read as group, question and reading', () => {
    const [c] = checkText('Among high-performing AI users, 88% report burnout due to workload.', data).claims;
    expect(c!.read).toMatchObject({ group: 'high-performing AI users', question: 'burnout', unit: 'percent', cause: 'due to' });
    expect(c!.text).toBe('88%');
    expect(c!.suggestion).toMatch(/^The most productive AI users are 88% more likely to report burnout .*\(The Upwork Research Institute, “From Tools to Teammates/);
  });
  test('offsets point into the text as given, across sentences', () => {
    const text = 'First. Among top AI performers, 67% trust AI more.  Then 85% of respondents are more polite to AI.';
    for (const c of checkText(text, data).claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
  test('hostile input: markup is text; a long paragraph is checked in one pass', () => {
    const r = checkText('<img src=x onerror=alert(1)> 67% of <b>workers</b> trust AI.', data);
    expect(r.claims[0]).toMatchObject({ figure: 'trust-67', departures: ['group-widened'] });
    const long = 'Among high-performing AI users, 88% report burnout. '.repeat(1000);
    expect(checkText(long, data).claims).toHaveLength(1000);
  });
});
