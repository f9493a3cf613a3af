/**
 * The questions a guess may answer: exactly the "Guess first" questions of src/data/guesses.ts,
 * each with the figure the survey published for it (data/figures.csv), for comparison.
 */
import { GUESS_QUESTIONS, guessFor } from '../data/guesses';
import { loadData } from '../data/load';

/** The question ids, in the order of src/data/guesses.ts. */
export const QUESTION_IDS = Object.keys(GUESS_QUESTIONS) as [string, ...string[]];

export function isQuestion(id: string): boolean {
  return Object.hasOwn(GUESS_QUESTIONS, id);
}

export interface Published {
  value: number;
  figure: string;
}

let published: Map<string, Published | null> | undefined;

/** The published answer to a question (read from data/ once), or null where none was published. */
export function publishedFor(id: string): Published | null {
  if (!published) {
    const { figures } = loadData();
    published = new Map(
      QUESTION_IDS.map((q) => {
        try {
          const { figure } = guessFor(figures, q);
          return [q, { value: figure.value, figure: figure.id }];
        } catch {
          return [q, null];
        }
      }),
    );
  }
  return published.get(id) ?? null;
}
