/**
 * The checker on the command line (npm run check:claim, src/check/cli.ts), as a newsroom's pipeline
 * runs it: one JSON line per text, the same claims as the module (and so as /check/).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { checkText } from '../../src/check/check';
import { checkerData } from '../../src/check/data';
import { loadData } from '../../src/data/load';
import { SENTENCES } from '../check/sentences';

const data = checkerData(loadData());
const run = (args: string[], input?: string) =>
  spawnSync('npm', ['run', '--silent', 'check:claim', '--', ...args], { encoding: 'utf8', input, timeout: 60_000 });

describe('check:claim', () => {
  test('--json "TEXT" prints one JSON line: figure, value, departures, suggestion', () => {
    const r = run(['--json', 'Among high-performing AI users, 88% report burnout, and they are twice as likely to consider quitting.']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(out.claims.map((c: { figure: string; value: number; departures: string[] }) => [c.figure, c.value, c.departures])).toEqual([
      ['burnout-88', 88, ['relative-as-share']],
      ['quitting-2', 2, ['question-changed']],
    ]);
    for (const c of out.claims) expect(Object.keys(c)).toEqual(['figure', 'value', 'departures', 'suggestion']);
    expect(out.claims[0].suggestion).toMatch(/^The most productive AI users are 88% more likely to report burnout/);
  });

  test('every hand-written sentence: the command line says what the module says and what the list expects', () => {
    const r = run(['--json', '--lines'], SENTENCES.map((s) => s.text).join('\n'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(SENTENCES.length);
    SENTENCES.forEach((s, i) => {
      const got = lines[i].claims.map((c: { figure: string; departures: string[] }) => ({ figure: c.figure, departures: c.departures }));
      expect(got, s.text).toEqual(s.claims);
      const module = checkText(s.text, data).claims.map((c) => ({ figure: c.figure, value: c.value, departures: c.departures, suggestion: c.suggestion }));
      expect(lines[i].claims, s.text).toEqual(module);
    });
  });

  test('without --json: the cards as text; a sentence that matches nothing says so', () => {
    const r = run(['Among top AI performers, 67% trust AI more than colleagues. AI is changing work.']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('67%');
    expect(r.stdout).toContain('No number about the study found in: “AI is changing work.”');
  });

  test('the text can come on standard input', () => {
    const r = run(['--json'], '85% of respondents are more polite to AI than to people.');
    expect(JSON.parse(r.stdout).claims[0]).toMatchObject({ figure: 'politeness-85', departures: [] });
  });

  test('--score prints the score on the press trail', () => {
    const r = run(['--score']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Retellings with exactly the recorded figure and departures: \d+ of 90 \(\d+\.\d%\)/);
  });

  test('an unknown option or no text: exit 2 and a message naming what is wrong', () => {
    const bad = run(['--jsn', 'text']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown option --jsn');
    const empty = run(['--json'], '   ');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('No text to check');
    expect(empty.stdout).toBe('');
  });
});

test('bad data stops it with the file, row and field named, and nothing on standard output', () => {
  const r = spawnSync('npm', ['run', '--silent', 'check:claim', '--', '--json', '67% trust AI'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATA_DIR: 'tests/fixtures/bad/coverage-unknown-drift' },
  });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/coverage\.csv.*row \d+.*drift/s);
  expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
});
