/**
 * The API's shapes, once: zod schemas that validate every request and, through @hono/zod-openapi,
 * describe the API in /api/openapi.json. The messages are written to be read after a field name:
 * a failure answers `{"error": "<field>: <message>"}` (see `issueMessage`).
 */
import { z } from '@hono/zod-openapi';
import type { ZodIssue } from 'zod';
import { QUESTION_IDS } from './questions';

/** The question ids, refused with `no such question "x"` (or the type that came instead of a string). */
const questionId = z.enum(QUESTION_IDS, {
  errorMap: (issue, ctx) => {
    if (issue.code === 'invalid_enum_value') return { message: `no such question ${JSON.stringify(String(issue.received)).slice(0, 80)}` };
    if (issue.code === 'invalid_type') {
      return { message: issue.received === 'undefined' ? 'required' : `must be a string (a question id), not ${issue.received}` };
    }
    return { message: ctx.defaultError };
  },
});

export const MIN = 0;
export const MAX = 100;

const guessValue = z
  .number({
    errorMap: (issue, ctx) => {
      if (issue.code === 'invalid_type') {
        return { message: issue.received === 'undefined' ? 'required' : `must be a number from ${MIN} to ${MAX}, not ${issue.received}` };
      }
      return { message: ctx.defaultError };
    },
  })
  .finite({ message: 'must be a finite number' })
  .min(MIN, { message: `must be at least ${MIN}` })
  .max(MAX, { message: `must be at most ${MAX}` });

export const GuessInput = z
  .object({
    question: questionId.openapi({ description: 'The id of a "Guess first" question', example: 'burnout-share' }),
    value: guessValue.openapi({ description: 'The guess, a share in percent', example: 42 }),
  })
  .strict()
  .openapi('GuessInput', { description: 'One reader\'s guess. No other field is accepted.' });

export const Guess = z
  .object({
    question: z.string().openapi({ example: 'burnout-share' }),
    value: z.number().openapi({ example: 42 }),
  })
  .openapi('Guess', { description: 'The guess as stored' });

export const QuestionParam = z.object({
  question: questionId.openapi({ param: { name: 'question', in: 'path' }, example: 'burnout-share' }),
});

export const Bin = z
  .object({
    from: z.number().openapi({ example: 40 }),
    to: z.number().openapi({ example: 45 }),
    count: z.number().int().openapi({ example: 3 }),
  })
  .openapi('Bin', { description: 'Guesses from `from` up to, not including, `to` (the last bin, 95 to 100, includes 100)' });

export const Published = z
  .object({
    value: z.number().openapi({ example: 88 }),
    figure: z.string().openapi({ example: 'burnout-share' }),
  })
  .openapi('Published', { description: 'The figure the survey published, from data/figures.csv' });

/** Below this many guesses a question shows its count only: no bins, no median. */
export const MIN_SHOWN = 20;

export const Summary = z
  .object({
    question: z.string().openapi({ example: 'burnout-share' }),
    count: z.number().int().openapi({ example: 57 }),
    bins: z.array(Bin).length(20).nullable().openapi({ description: `20 bins of 5 points; null while there are fewer than ${MIN_SHOWN} guesses` }),
    median: z.number().nullable().openapi({ description: `null while there are fewer than ${MIN_SHOWN} guesses`, example: 61.5 }),
    published: Published.nullable(),
  })
  .openapi('Summary', { description: "How readers guessed one question. Readers' guesses, never survey data." });

export const Health = z.object({ ok: z.literal(true) }).openapi('Health');

export const ErrorBody = z
  .object({ error: z.string().openapi({ example: 'value: must be at most 100' }) })
  .openapi('Error', { description: 'What is wrong, naming the field' });

/** `"<field>: <message>"` for a zod issue: its path joined by ".", or the unknown field, or "body". */
export function issueMessage(issue: ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0]].join('.');
    return `${field}: not a field (a guess has only question and value)`;
  }
  const field = issue.path.join('.') || 'body';
  if (!issue.path.length && issue.code === 'invalid_type') return `${field}: must be a JSON object, not ${issue.received}`;
  return `${field}: ${issue.message}`;
}
