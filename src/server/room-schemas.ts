/**
 * Class mode's shapes (zod, with the OpenAPI metadata that puts every room route in
 * /api/openapi.json). Errors read `{"error": "<field>: <message>"}` as the guesses' do.
 */
import { z } from '@hono/zod-openapi';
import type { ZodIssue } from 'zod';
import { Bin, GuessInput, issueMessage, Published } from './schemas';
import { CODE_LENGTH, MAX_STUDENTS } from './rooms';

/** A code as typed: the alphabet's characters in either case (the service upper-cases it). */
export const CODE_PATTERN = new RegExp(`^[A-HJKMNP-Z2-9]{${CODE_LENGTH}}$`, 'i');
/** A device id: 16–64 characters of base64url. */
export const DEVICE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** What every unknown, expired or malformed code is told, whatever the reason. */
export const NO_SUCH_ROOM = 'no such room';

export const CodeParam = z.object({
  code: z
    .string()
    .regex(CODE_PATTERN)
    .openapi({
      param: { name: 'code', in: 'path' },
      description: `${CODE_LENGTH} characters of ABCDEFGHJKMNPQRSTUVWXYZ23456789, either case`,
      example: 'K7QM3X',
    }),
});

const device = z
  .string({
    errorMap: (issue, ctx) => {
      if (issue.code === 'invalid_type') return { message: issue.received === 'undefined' ? 'required' : `must be a string, not ${issue.received}` };
      return { message: ctx.defaultError };
    },
  })
  .regex(DEVICE_PATTERN, { message: 'must be 16 to 64 characters of A-Z, a-z, 0-9, "-" and "_" (base64url)' })
  .openapi({ description: "The device's random id (16–64 characters of base64url), kept in the join page's sessionStorage", example: 'q3Jx9Vb2mK0aYt7LwR1eZg' });

export const AnswerInput = z
  .object({
    device,
    question: GuessInput.shape.question,
    value: GuessInput.shape.value,
  })
  .strict()
  .openapi('AnswerInput', { description: "One student's answer to the room's current question. No other field is accepted." });

export const Answer = z
  .object({
    question: z.string().openapi({ example: 'burnout-share' }),
    value: z.number().openapi({ example: 42 }),
  })
  .openapi('Answer', { description: 'The answer as stored (a later one from the same device replaces it)' });

export const QuestionInput = z
  .object({ question: GuessInput.shape.question })
  .strict()
  .openapi('QuestionInput', { description: 'The question the class moves on to' });

export const NewRoom = z
  .object({
    code: z.string().openapi({ example: 'K7QM3X' }),
    key: z.string().openapi({ description: "The teacher's key (43 characters of base64url), shown once: only its SHA-256 is kept", example: 'dGhpcyBpcyBub3QgYSByZWFsIGtleSwganVzdCBhbiBleGFtcGxl' }),
    expires: z.string().openapi({ description: 'When the room and its answers are deleted (ISO 8601)', example: '2026-12-05T05:32:00.000Z' }),
  })
  .openapi('NewRoom');

export const RoomState = z
  .object({
    code: z.string().openapi({ example: 'K7QM3X' }),
    question: z.string().nullable().openapi({ description: 'The current question id; null before the first', example: 'burnout-share' }),
    step: z.number().int().openapi({ description: 'The 1-based index of the question among the "Guess first" questions; 0 before the first', example: 1 }),
    steps: z.number().int().openapi({ example: 4 }),
    revealed: z.boolean(),
    answers: z.number().int().openapi({ description: 'Answers to the current question', example: 27 }),
    students: z.number().int().openapi({ description: `Distinct devices that answered anything (at most ${MAX_STUDENTS})`, example: 28 }),
    expires: z.string().openapi({ example: '2026-12-05T05:32:00.000Z' }),
    bins: z.array(Bin).length(20).nullable().openapi({ description: '20 bins of 5 points; null until the teacher reveals the question' }),
    median: z.number().nullable().openapi({ description: 'null until revealed (and while no answer)', example: 55 }),
    published: Published.nullable().openapi({ description: 'The published figure; null until revealed, or where none was published' }),
  })
  .openapi('RoomState', { description: "A room's state: the same in GET and in each `state` event" });

/** An OpenAPI schema (not validated by zod: the route's own middleware does) for the empty body of a new room. */
export const EMPTY_BODY = { type: 'object' as const, additionalProperties: false, description: 'Empty, or {}' };

/** `"<field>: <message>"` for a zod issue in a room's body. */
export function roomIssueMessage(issue: ZodIssue, fields: string): string {
  if (issue.code === 'unrecognized_keys') return `${[...issue.path, issue.keys[0]].join('.')}: not a field (${fields})`;
  return issueMessage(issue);
}
