/**
 * The guess service as the crowd's tests see it: fetch mocked, each request recorded in `calls` and
 * answered by a function of the request, and the service's answers (a summary of 57 guesses, median
 * 60). Shared by crowd-panel.test.ts and guess-crowd.test.ts.
 */
import { expect, vi } from 'vitest';

/** 57 guesses, median 60. */
export const BINS = [0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 6, 4, 2, 1, 1, 1, 0];
export const summary = (question: string, bins: number[] | null = BINS, count = 57) => ({
  question,
  count,
  bins: bins && bins.map((c, i) => ({ from: i * 5, to: i * 5 + 5, count: c })),
  median: bins ? 60 : null,
  published: { value: 67, figure: question },
});

export type Call = { method: string; url: string; body: unknown };
/** The requests since the last service(), in order. */
export const calls: Call[] = [];
/** Mocks fetch: each request is recorded and answered by `answer`. */
export function service(answer: (call: Call, signal: AbortSignal | undefined) => Promise<Response> | Response) {
  calls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = { method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      expect(init.credentials).toBe('omit');
      return answer(call, init.signal ?? undefined);
    }),
  );
}
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
export const answers =
  (question: string, bins: number[] | null = BINS, count = 57) =>
  (call: Call) =>
    call.method === 'POST'
      ? json({ question, value: (call.body as { value: number }).value }, 201)
      : json(summary(question, bins, count));

/** Answers the panel must meet with its quiet line, each with its name. */
export const FAILURES: [string, (call: Call) => Promise<Response> | Response][] = [
  [
    'the guess refused',
    (c: Call) =>
      c.method === 'POST' ? json({ error: 'too many guesses: try again in 30 s' }, 429) : json(summary('trust-top')),
  ],
  [
    'a server error',
    (c: Call) =>
      c.method === 'POST'
        ? json({ question: 'trust-top', value: 50 }, 201)
        : json({ error: 'guesses are not available right now' }, 503),
  ],
  ['offline', () => Promise.reject(new TypeError('Failed to fetch'))],
  ['another question', (c: Call) => (c.method === 'POST' ? json({}, 201) : json(summary('burnout-share')))],
  [
    'bins that do not add up',
    (c: Call) => (c.method === 'POST' ? json({}, 201) : json({ ...summary('trust-top'), count: 58 })),
  ],
  [
    '19 bins',
    (c: Call) =>
      c.method === 'POST'
        ? json({}, 201)
        : json({ ...summary('trust-top'), bins: summary('trust-top').bins!.slice(1) }),
  ],
  ['not JSON', (c: Call) => (c.method === 'POST' ? json({}, 201) : new Response('<html>', { status: 200 }))],
];
