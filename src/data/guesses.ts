/**
 * The "Guess first" questions (components/GuessFirst.astro), keyed by figure id in
 * data/figures.csv. Each question names the group and what was asked; the reader answers on a
 * 0–100% slider, so each figure must be a share (unit `percent`). The integration validate-data
 * checks every key against the dataset before Astro writes anything, and a bad key stops the build.
 */
import type { Figure } from './schema';

/** The question for each figure, in the words of what was asked, naming the group. */
export const GUESS_QUESTIONS: Readonly<Record<string, string>> = {
  'burnout-share':
    'Of the full-time employees who reported the biggest productivity gains from AI, what share said they feel burned out?',
  'trust-top':
    'Of the full-time employees who reported the biggest productivity gains from AI, what share said they trust AI more than their colleagues?',
  'politeness-all':
    'Of everyone the survey asked (executives, full-time employees and freelancers), what share said they are more polite to AI than to their fellow workers?',
  'career-freelancers': 'Of the freelancers in the survey, what share said AI has had a positive impact on their careers?',
};

const FILE = 'src/data/guesses.ts';

/** Thrown when a question does not fit the dataset; its message lists every problem, one per line. */
export class GuessError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid guess-first questions:\n  ${problems.join('\n  ')}`);
    this.name = 'GuessError';
    this.problems = problems;
  }
}

/** What is wrong with the question for one figure id, or null. `file` names figures.csv in messages. */
function problemOf(id: string, figures: readonly Figure[], file: string): string | null {
  const figure = figures.find((f) => f.id === id);
  if (!figure) return `${FILE}, "${id}": not a figure id in ${file}`;
  if (figure.unit !== 'percent') {
    return `${FILE}, "${id}": not a share (its unit in ${file} is ${figure.unit}, not percent); a guess is made on a 0–100% slider`;
  }
  return null;
}

/** Every problem with the questions, in their order: each key must be a figure id with unit `percent`. */
export function guessProblems(
  figures: readonly Figure[],
  file = 'data/figures.csv',
  questions: Readonly<Record<string, string>> = GUESS_QUESTIONS,
): string[] {
  return Object.keys(questions).flatMap((id) => problemOf(id, figures, file) ?? []);
}

/** Throws a GuessError listing every problem with the questions; the build calls it at config setup. */
export function checkGuesses(
  figures: readonly Figure[],
  file = 'data/figures.csv',
  questions: Readonly<Record<string, string>> = GUESS_QUESTIONS,
): void {
  const problems = guessProblems(figures, file, questions);
  if (problems.length) throw new GuessError(problems);
}

/** The figure and question for one "Guess first" widget; throws if the id has no question or does not fit. */
export function guessFor(figures: readonly Figure[], id: string): { figure: Figure; question: string } {
  if (!Object.hasOwn(GUESS_QUESTIONS, id)) throw new GuessError([`${FILE}: no question for "${id}"`]);
  const problem = problemOf(id, figures, 'data/figures.csv');
  if (problem) throw new GuessError([problem]);
  return { figure: figures.find((f) => f.id === id)!, question: GUESS_QUESTIONS[id] };
}
