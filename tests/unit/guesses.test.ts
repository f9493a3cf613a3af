/**
 * The "Guess first" questions (src/data/guesses.ts) against the dataset: every key is a figure with
 * a share unit. The fixtures in tests/fixtures/bad-guesses/ are valid data that break one question
 * each; the build stops on them (tests/build/build-fails.test.ts runs one).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkGuesses, GUESS_QUESTIONS, GuessError, guessFor, guessProblems } from '../../src/data/guesses';
import { loadData } from '../../src/data/load';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/bad-guesses');

const CASES = [
  {
    name: 'not-a-share',
    says: 'src/data/guesses.ts, "politeness-all": not a share (its unit in data/figures.csv is percent_more_likely, not percent)',
  },
  { name: 'unknown-figure', says: 'src/data/guesses.ts, "career-freelancers": not a figure id in data/figures.csv' },
];

describe('the real questions', () => {
  const { figures } = loadData(join(ROOT, 'data'));

  test('every question is for a figure with a share unit', () => {
    expect(Object.keys(GUESS_QUESTIONS).length).toBeGreaterThan(0);
    expect(guessProblems(figures)).toEqual([]);
    expect(() => checkGuesses(figures)).not.toThrow();
  });

  test('guessFor gives the figure and its question, and stops on an id without one', () => {
    const { figure, question } = guessFor(figures, 'trust-top');
    expect(figure.value).toBe(67);
    expect(question).toBe(GUESS_QUESTIONS['trust-top']);
    expect(() => guessFor(figures, 'coworker')).toThrow('src/data/guesses.ts: no question for "coworker"');
    expect(() => guessFor(figures, 'constructor')).toThrow('no question for "constructor"');
  });

  test('every problem is listed, one per line, after a heading', () => {
    const questions = { ...GUESS_QUESTIONS, 'no-such-figure': 'Q?', 'burnout-more-likely': 'Q?' };
    const err = (() => {
      try {
        checkGuesses(figures, 'data/figures.csv', questions);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(GuessError);
    expect((err as GuessError).message.split('\n')).toEqual([
      'Invalid guess-first questions:',
      '  src/data/guesses.ts, "no-such-figure": not a figure id in data/figures.csv',
      '  src/data/guesses.ts, "burnout-more-likely": not a share (its unit in data/figures.csv is percent_more_likely, not percent); a guess is made on a 0–100% slider',
    ]);
  });
});

describe('fixtures in tests/fixtures/bad-guesses/', () => {
  test('every fixture folder has a case', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(CASES.map((c) => c.name).sort());
  });

  test.each(CASES)('$name: valid data, one problem with the questions', ({ name, says }) => {
    const { figures } = loadData(join(FIXTURES, name));
    const problems = guessProblems(figures);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(says);
    expect(() => checkGuesses(figures)).toThrow(says);
  });
});
