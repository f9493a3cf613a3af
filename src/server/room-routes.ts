/**
 * Class mode's routes under /api/rooms: a teacher starts a room, students
 * answer its current question from their phones, the teacher (holding the room's key) moves the
 * class on, reveals, resets and closes it; a projector follows it live over Server-Sent Events.
 *
 * Limits, all in memory like the guesses' own: a new room 10 an hour per address; unknown codes 20
 * a minute per address (then every code this address has not already reached is refused until the
 * minute is over: 429 cannot tell a room from no room, so codes cannot be enumerated); answers 20 a
 * minute per device and 1,200 a minute per room, never per address alone, since a whole class
 * usually shares one address. The public guesses' per-address limit does not apply here.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { ZodError } from 'zod';
import type { Db } from './db';
import { rateLimiter } from './rate-limit';
import { roomEvents, type RoomEvents, type RoomEventsOptions } from './room-events';
import {
  Answer,
  AnswerInput,
  CodeParam,
  EMPTY_BODY,
  NewRoom,
  NO_SUCH_ROOM,
  QuestionInput,
  roomIssueMessage,
  RoomState,
} from './room-schemas';
import { answer, checkKey, closeRoom, createRoom, deviceHash, MAX_STUDENTS, reset, reveal, roomState, setQuestion, sweepRooms } from './rooms';
import { ErrorBody } from './schemas';

export interface RoomLimits {
  /** New rooms an hour per address (10). */
  roomsPerHour: number;
  /** Unknown codes a minute per address (20). */
  missesPerMinute: number;
  /** Answers a minute per device (20). */
  answersPerDevice: number;
  /** Answers a minute per room (1,200). */
  answersPerRoom: number;
}

export const ROOM_LIMITS: RoomLimits = { roomsPerHour: 10, missesPerMinute: 20, answersPerDevice: 20, answersPerRoom: 1200 };

export interface RoomsOptions {
  clientAddress: (c: Context) => string;
  now: () => Date;
  /** The checks of a JSON body (size, type, valid JSON); `optional`: an empty body passes. */
  jsonBody: (optional?: boolean) => [MiddlewareHandler, MiddlewareHandler];
  limits?: Partial<RoomLimits>;
  /** Devices a room takes (200). */
  maxStudents?: number;
  events?: Omit<RoomEventsOptions, 'db' | 'now'>;
}

export interface RoomService {
  /** Deletes expired rooms and their answers; how many rooms. */
  sweep(): Promise<number>;
  events: RoomEvents;
}

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ErrorBody) });
const security = [{ roomKey: [] }];
const TOO_MANY = error('Too many requests (see Retry-After): new rooms from this address, unknown codes from this address, or answers from this device or to this room');
const NOT_FOUND = error(`"${NO_SUCH_ROOM}": unknown, expired or malformed code (the same words whatever the reason)`);
const UNAVAILABLE = error('The database is not available');
const NO_KEY = error("authorization: the room's key is required (Authorization: Bearer <key>)");
const WRONG_KEY = error("authorization: not this room's key");

const postRoom = createRoute({
  method: 'post',
  path: '/api/rooms',
  summary: 'Start a room (class mode)',
  request: { body: { content: { 'application/json': { schema: EMPTY_BODY } }, required: false } },
  responses: {
    201: { description: "The room's code, its teacher's key (shown once) and when it expires (12 h)", ...json(NewRoom) },
    400: error('A body that is not empty or {}'),
    413: error('Body over 1024 bytes'),
    415: error('A body that is not application/json'),
    429: TOO_MANY,
    503: UNAVAILABLE,
  },
});

const getRoom = createRoute({
  method: 'get',
  path: '/api/rooms/{code}',
  summary: "A room's state",
  request: { params: CodeParam },
  responses: { 200: { description: 'The state; bins, median and the published figure only once revealed', ...json(RoomState) }, 404: NOT_FOUND, 429: TOO_MANY, 503: UNAVAILABLE },
});

const getEvents = createRoute({
  method: 'get',
  path: '/api/rooms/{code}/events',
  summary: "A room's state, live (Server-Sent Events)",
  description:
    'text/event-stream: at once an event `state` (data: the RoomState JSON), then one whenever it changes; a comment line every 15 s; ' +
    'an event `closed` when the room is closed or expires, then the stream ends. At most 20 open streams a room.',
  request: { params: CodeParam },
  responses: {
    200: { description: 'The stream', content: { 'text/event-stream': { schema: { type: 'string' as const } } } },
    404: NOT_FOUND,
    429: TOO_MANY,
    503: UNAVAILABLE,
  },
});

const postAnswer = createRoute({
  method: 'post',
  path: '/api/rooms/{code}/answers',
  summary: "A student's answer to the room's current question (a later one from the same device replaces it)",
  request: { params: CodeParam, body: { ...json(AnswerInput), required: true } },
  responses: {
    201: { description: 'Stored', ...json(Answer) },
    400: error('A missing or unknown field, a bad device id, an unknown question, or a value that is not a number from 0 to 100'),
    404: NOT_FOUND,
    409: error('question: not the question the class is on; question: answers are closed, the teacher has revealed it; room: full (200 students)'),
    413: error('Body over 1024 bytes'),
    415: error('Content-Type is not application/json'),
    429: TOO_MANY,
    503: UNAVAILABLE,
  },
});

const putQuestion = createRoute({
  method: 'put',
  path: '/api/rooms/{code}/question',
  summary: 'Move the class to a question (teacher)',
  security,
  request: { params: CodeParam, body: { ...json(QuestionInput), required: true } },
  responses: {
    200: { description: 'The new state (not revealed)', ...json(RoomState) },
    400: error('A missing or unknown field, or an unknown question'),
    401: NO_KEY,
    403: WRONG_KEY,
    404: NOT_FOUND,
    413: error('Body over 1024 bytes'),
    415: error('Content-Type is not application/json'),
    429: TOO_MANY,
    503: UNAVAILABLE,
  },
});

const teacherPost = (what: 'reveal' | 'reset', summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/api/rooms/{code}/${what}`,
    summary,
    security,
    request: { params: CodeParam },
    responses: {
      200: { description, ...json(RoomState) },
      401: NO_KEY,
      403: WRONG_KEY,
      404: NOT_FOUND,
      409: error('question: the class has no question yet'),
      429: TOO_MANY,
      503: UNAVAILABLE,
    },
  });
const postReveal = teacherPost('reveal', 'Reveal the current question (teacher): bins, median, published figure', 'The state, revealed');
const postReset = teacherPost('reset', "Delete the current question's answers and close its reveal (teacher)", 'The state after the reset');

const deleteRoom = createRoute({
  method: 'delete',
  path: '/api/rooms/{code}',
  summary: 'Close the room (teacher): deletes it and its answers; open streams get `closed`',
  security,
  request: { params: CodeParam },
  responses: { 204: { description: 'Deleted' }, 401: NO_KEY, 403: WRONG_KEY, 404: NOT_FOUND, 429: TOO_MANY, 503: UNAVAILABLE },
});

/** Addresses held at most, for the blocked-address and known-code tables. */
const MAX_ADDRESSES = 10_000;

/** Adds the room routes to `app` (before its /api/* catch-all); returns the sweep and the event hub. */
export function rooms(app: OpenAPIHono, db: Db, opts: RoomsOptions): RoomService {
  const { clientAddress, now, jsonBody, maxStudents = MAX_STUDENTS } = opts;
  const limits = { ...ROOM_LIMITS, ...opts.limits };
  const events = roomEvents({ db, now, ...opts.events });

  const created = rateLimiter({ limit: limits.roomsPerHour, windowMs: 60 * 60_000 });
  const misses = rateLimiter({ limit: limits.missesPerMinute });
  const perDevice = rateLimiter({ limit: limits.answersPerDevice });
  const perRoom = rateLimiter({ limit: limits.answersPerRoom });
  /** Addresses past the unknown-code limit: until when (ms). */
  const blocked = new Map<string, number>();
  /** Per address, the codes it has reached: they keep working while it is blocked. */
  const known = new Map<string, Set<string>>();

  const tooMany = (c: Context, what: string, wait: number) =>
    c.json({ error: `too many ${what}: try again in ${wait} s` }, 429, { 'Retry-After': String(wait) });

  const bounded = <V>(map: Map<string, V>) => {
    while (map.size > MAX_ADDRESSES) map.delete(map.keys().next().value!);
  };

  const remember = (c: Context, code: string) => {
    const address = clientAddress(c);
    let codes = known.get(address);
    if (!codes) {
      known.set(address, (codes = new Set()));
      bounded(known);
    }
    if (codes.size < 50) codes.add(code);
  };

  /** An unknown code: 404, or 429 once this address has missed too often. */
  const miss = (c: Context) => {
    const address = clientAddress(c);
    const wait = misses.hit(address);
    if (!wait) return c.json({ error: NO_SUCH_ROOM }, 404);
    blocked.delete(address);
    blocked.set(address, Date.now() + wait * 1000);
    bounded(blocked);
    return tooMany(c, 'unknown room codes', wait);
  };

  /** Before a code is looked up: a blocked address gets 429 for every code it has not reached before. */
  const gate: MiddlewareHandler = async (c, next) => {
    const address = clientAddress(c);
    const until = blocked.get(address);
    if (until !== undefined) {
      const left = until - Date.now();
      if (left <= 0) blocked.delete(address);
      else if (!known.get(address)?.has(c.req.param('code')?.toUpperCase() ?? '')) return tooMany(c, 'unknown room codes', Math.ceil(left / 1000));
    }
    return next();
  };

  /** Validation hook of a route without a body: a malformed code is no room. */
  const paramHook = (result: { success: boolean }, c: Context) => (result.success ? undefined : miss(c));
  /** Validation hook of a route with a body: a malformed code is no room; a bad body names its field. */
  const bodyHook =
    (fields: string) =>
    (result: { success: boolean; target?: string; error?: unknown }, c: Context) => {
      if (result.success) return;
      if (result.target === 'param') return miss(c);
      const issue = (result.error as ZodError).issues[0]!;
      return c.json({ error: roomIssueMessage(issue, fields) }, 400);
    };

  const codeOf = (c: Context) => c.req.param('code')!.toUpperCase();

  /** The teacher's check: null when the key is the room's, else the response to give. */
  const teacher = async (c: Context, code: string) => {
    const key = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const result = await checkKey(db, code, key ?? '', now());
    if (result === 'gone') return miss(c);
    remember(c, code);
    if (!key) return c.json({ error: "authorization: the room's key is required" }, 401);
    if (result === 'wrong') return c.json({ error: "authorization: not this room's key" }, 403);
    return null;
  };

  /** The state after a teacher's change, and the room's streams told. */
  const changedState = async (c: Context, code: string) => {
    events.changed(code);
    const state = await roomState(db, code, now());
    return state ? c.json(state, 200) : miss(c);
  };

  app.openapi(
    { ...postRoom, middleware: [...jsonBody(true)] },
    async (c) => {
      const text = await c.req.text();
      if (text) {
        const body = JSON.parse(text) as unknown;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return c.json({ error: `body: must be a JSON object ({}), not ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}` }, 400);
        }
        const extra = Object.keys(body)[0];
        if (extra !== undefined) return c.json({ error: `${extra}: not a field (a new room takes none)` }, 400);
      }
      const wait = created.hit(clientAddress(c));
      if (wait) return tooMany(c, 'new rooms from this address', wait);
      const room = await createRoom(db, now());
      remember(c, room.code);
      return c.json(room, 201);
    },
  );

  app.openapi(
    { ...getRoom, middleware: [gate] },
    async (c) => {
      const code = codeOf(c);
      const state = await roomState(db, code, now());
      if (!state) return miss(c);
      remember(c, code);
      return c.json(state, 200);
    },
    paramHook,
  );

  app.openapi(
    { ...getEvents, middleware: [gate] },
    async (c) => {
      const code = codeOf(c);
      if (!(await roomState(db, code, now()))) return miss(c);
      remember(c, code);
      // HEAD: the headers of a stream, and no stream (its body would be dropped unread).
      if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream', 'X-Accel-Buffering': 'no' });
      const res = events.open(c, code);
      if (!res) return c.json({ error: 'events: this room has its most open streams (20); poll GET /api/rooms/{code}' }, 429, { 'Retry-After': '10' });
      return res;
    },
    paramHook,
  );

  app.openapi(
    { ...postAnswer, middleware: [gate, ...jsonBody()] },
    async (c) => {
      const code = codeOf(c);
      const { device, question, value } = c.req.valid('json');
      const deviceWait = perDevice.hit(`${code}:${deviceHash(code, device)}`);
      if (deviceWait) return tooMany(c, 'answers from this device', deviceWait);
      const roomWait = perRoom.hit(code);
      if (roomWait) return tooMany(c, 'answers to this room', roomWait);
      const outcome = await answer(db, code, device, question, value, now(), maxStudents);
      if (outcome === 'gone') return miss(c);
      remember(c, code);
      if (outcome === 'question') return c.json({ error: 'question: not the question the class is on' }, 409);
      if (outcome === 'revealed') return c.json({ error: 'question: answers are closed, the teacher has revealed it' }, 409);
      if (outcome === 'full') return c.json({ error: `room: full (${maxStudents} students)` }, 409);
      events.changed(code);
      return c.json({ question, value }, 201);
    },
    bodyHook('an answer has only device, question and value'),
  );

  app.openapi(
    { ...putQuestion, middleware: [gate, ...jsonBody()] },
    async (c) => {
      const code = codeOf(c);
      const refused = await teacher(c, code);
      if (refused) return refused;
      const { question } = c.req.valid('json');
      if (!(await setQuestion(db, code, question, now()))) return miss(c);
      return changedState(c, code);
    },
    bodyHook('it has only question'),
  );

  for (const route of [postReveal, postReset]) {
    app.openapi(
      { ...route, middleware: [gate] },
      async (c) => {
        const code = codeOf(c);
        const refused = await teacher(c, code);
        if (refused) return refused;
        if (route === postReveal) {
          const outcome = await reveal(db, code, now());
          if (outcome === 'gone') return miss(c);
          if (outcome === 'none') return c.json({ error: 'question: the class has no question yet' }, 409);
        } else if (!(await reset(db, code, now()))) {
          return miss(c);
        }
        return changedState(c, code);
      },
      paramHook,
    );
  }

  app.openapi(
    { ...deleteRoom, middleware: [gate] },
    async (c) => {
      const code = codeOf(c);
      const refused = await teacher(c, code);
      if (refused) return refused;
      if (!(await closeRoom(db, code, now()))) return miss(c);
      events.closed(code);
      return c.body(null, 204);
    },
    paramHook,
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'roomKey', {
    type: 'http',
    scheme: 'bearer',
    description: "The room's key, as POST /api/rooms gave it to the teacher",
  });

  const notAllowed = (allow: string) => (c: Context) =>
    c.json({ error: `method: ${c.req.method} is not allowed here (allowed: ${allow})` }, 405, { Allow: allow });
  app.all('/api/rooms', notAllowed('POST'));
  app.all('/api/rooms/:code', notAllowed('GET, HEAD, DELETE'));
  app.all('/api/rooms/:code/events', notAllowed('GET, HEAD'));
  app.all('/api/rooms/:code/answers', notAllowed('POST'));
  app.all('/api/rooms/:code/question', notAllowed('PUT'));
  app.all('/api/rooms/:code/reveal', notAllowed('POST'));
  app.all('/api/rooms/:code/reset', notAllowed('POST'));

  return {
    sweep: () => sweepRooms(db, now()),
    events,
  };
}
