/**
 * The guess service as a Hono app: the API under /api/ (validated by the zod schemas of
 * schemas.ts, which also make /api/openapi.json) and, when `dist` is given, the built site beside
 * it. No request is ever logged; the client's address is used for the in-memory rate limit only.
 */
import { GUESSES_PER_MINUTE } from '../lib/crowd-rules';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { Db } from './db';
import { addGuess, healthy, tally } from './guesses';
import { publishedFor } from './questions';
import { rateLimiter } from './rate-limit';
import { ErrorBody, Guess, GuessInput, Health, issueMessage, QuestionParam, Summary } from './schemas';
import { rooms, type RoomsOptions } from './room-routes';
import { staticSite } from './static';

export const MAX_BODY = 1024;
export const UNAVAILABLE = 'guesses are not available right now';

export interface AppOptions {
  db: Db;
  /** Requests per minute per client address; false turns the limit off (the load bench). Default 30 and 300. */
  rateLimit?: { postsPerMinute: number; getsPerMinute: number } | false;
  /** The client's address, the rate limit's key. Default: the connection's remote address. */
  clientAddress?: (c: Context) => string;
  /** The built site to serve beside the API (dist/). */
  dist?: string;
  /** The clock rooms expire by (tests move it). Default: the real time. */
  now?: () => Date;
  /** Class mode's limits and stream settings (room-routes.ts); the defaults are the contract's. */
  rooms?: Pick<RoomsOptions, 'limits' | 'maxStudents' | 'events'>;
}

/** The connection's remote address (Node), or "unknown" where there is no socket (in-process requests). */
export function connectionAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Behind a proxy (nginx): the last X-Forwarded-For hop, the address the proxy itself saw. */
export function forwardedAddress(c: Context): string {
  const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return last || connectionAddress(c);
}

/**
 * A JSON body's checks: its size before anything reads it, then its type, then whether it is JSON.
 * `optional`: an empty body passes (whatever its type).
 */
export function jsonBody(optional = false): [MiddlewareHandler, MiddlewareHandler] {
  return [
    bodyLimit({ maxSize: MAX_BODY, onError: (c) => c.json({ error: `body: over ${MAX_BODY} bytes` }, 413) }),
    async (c, next) => {
      if (optional && !(await c.req.text())) return next();
      const type = c.req.header('content-type');
      const media = type?.split(';')[0]!.trim().toLowerCase();
      if (media !== 'application/json') {
        return c.json({ error: `Content-Type: must be application/json, not ${type ? JSON.stringify(type.slice(0, 80)) : 'missing'}` }, 415);
      }
      const text = await c.req.text();
      try {
        JSON.parse(text);
      } catch {
        // NaN and Infinity are not JSON: say so of the field that holds one.
        const bad = /"([A-Za-z0-9_.-]{1,40})"\s*:\s*([+-]?(?:NaN|Infinity))\b/.exec(text);
        return c.json({ error: bad ? `${bad[1]}: ${bad[2]} is not a JSON number` : 'body: not valid JSON' }, 400);
      }
      return next();
    },
  ];
}

/** A database failure, told apart from a bug: the API answers it with 503. */
class Unavailable extends Error {}

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ErrorBody) });

const postGuess = createRoute({
  method: 'post',
  path: '/api/guesses',
  summary: 'Send a guess',
  request: { body: { ...json(GuessInput), required: true } },
  responses: {
    201: { description: 'Stored', ...json(Guess) },
    400: error('Not valid JSON, a missing or unknown field, an unknown question, or a value that is not a finite number from 0 to 100'),
    405: error('Not POST'),
    413: error('Body over 1024 bytes'),
    415: error('Content-Type is not application/json'),
    429: error('Too many guesses from this address; see Retry-After'),
    503: error('The database is not available'),
  },
});

const getSummary = createRoute({
  method: 'get',
  path: '/api/guesses/{question}',
  summary: "How readers guessed one question (readers' guesses, never survey data)",
  request: { params: QuestionParam },
  responses: {
    200: { description: 'The count; bins and median from 20 guesses on; the published figure', ...json(Summary) },
    404: error('No such question'),
    429: error('Too many requests from this address; see Retry-After'),
    503: error('The database is not available'),
  },
});

const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Whether the service and its database answer',
  responses: { 200: { description: 'Up', ...json(Health) }, 503: error('The database is not available') },
});

export function createApp(opts: AppOptions) {
  const { rateLimit = { postsPerMinute: GUESSES_PER_MINUTE, getsPerMinute: GUESSES_PER_MINUTE * 10 }, clientAddress = connectionAddress } = opts;
  const db: Db = {
    kind: opts.db.kind,
    close: () => opts.db.close(),
    query: <T>(sql: string, params?: unknown[]) =>
      opts.db.query<T>(sql, params).catch((e: unknown) => {
        throw new Unavailable(e instanceof Error ? e.message : String(e));
      }),
  };

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = (result.error as ZodError).issues[0]!;
      // An unknown question in the path is a resource that does not exist; in a body, a bad field.
      return c.json({ error: issueMessage(issue) }, result.target === 'param' ? 404 : 400);
    },
  });

  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  // No cookies and no credentials: any page may call the API (GUESS_API can be another origin).
  // The room's key travels in Authorization, never in a cookie: still no credentials.
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'Authorization'], maxAge: 86400 }));

  const limit = (perMinute: number, what: string): MiddlewareHandler => {
    const limiter = rateLimiter({ limit: perMinute });
    return async (c, next) => {
      const wait = limiter.hit(clientAddress(c));
      if (!wait) return next();
      return c.json({ error: `too many ${what}: try again in ${wait} s` }, 429, { 'Retry-After': String(wait) });
    };
  };
  if (rateLimit) {
    app.on('POST', '/api/guesses', limit(rateLimit.postsPerMinute, 'guesses'));
    app.on('GET', '/api/guesses/:question', limit(rateLimit.getsPerMinute, 'requests'));
  }

  app.on('POST', '/api/guesses', ...jsonBody());

  app.openapi(postGuess, async (c) => {
    const { question, value } = c.req.valid('json');
    return c.json({ question, value: await addGuess(db, question, value) }, 201);
  });

  app.openapi(getSummary, async (c) => {
    const { question } = c.req.valid('param');
    const { count, bins, median } = await tally(db, question);
    return c.json({ question, count, bins, median, published: publishedFor(question) }, 200);
  });

  app.openapi(getHealth, async (c) => {
    if (!(await healthy(db))) throw new Unavailable('health query answered nothing');
    return c.json({ ok: true as const }, 200);
  });

  const roomService = rooms(app, db, { clientAddress, now: opts.now ?? (() => new Date()), jsonBody, ...opts.rooms });

  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Guess service',
      version: '1.0.0',
      description:
        "Readers' guesses for the \"Guess first\" questions, and how readers guessed. Readers' guesses, never survey data. Stored: the question, the value and the hour; nothing about the reader.",
    },
  });

  const notAllowed = (allow: string) => (c: Context) =>
    c.json({ error: `method: ${c.req.method} is not allowed here (allowed: ${allow})` }, 405, { Allow: allow });
  app.all('/api/guesses', notAllowed('POST'));
  app.all('/api/guesses/:question', notAllowed('GET, HEAD'));
  app.all('/api/health', notAllowed('GET, HEAD'));
  app.all('/api/openapi.json', notAllowed('GET, HEAD'));
  app.all('/api/*', (c) => c.json({ error: `path: no such API path ${JSON.stringify(c.req.path.slice(0, 100))}` }, 404));

  if (opts.dist) {
    const site = staticSite(opts.dist);
    app.all('*', (c) => site.serve(c.req.raw));
  }
  app.notFound((c) => c.json({ error: `path: not found` }, 404));

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      return c.json({ error: `body: ${err.message || 'bad request'}` }, err.status as ContentfulStatusCode);
    }
    // The message only: never the request, its address or its values.
    console.error(`guess service: ${err.message}`);
    if (err instanceof Unavailable) return c.json({ error: UNAVAILABLE }, 503);
    return c.json({ error: 'internal error' }, 500);
  });

  return Object.assign(app, { rooms: roomService });
}
