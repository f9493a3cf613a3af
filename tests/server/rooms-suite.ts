/**
 * Every rule of class mode (/api/rooms), run in-process (Hono's app.request, and once a real
 * listening server) against one database. The same suite runs on PGlite (rooms.test.ts) and on a
 * PostgreSQL server (rooms.postgres.test.ts). The limits are the defaults unless a test says
 * otherwise; the clock is the app's injected one, so a test can move past a room's 12 hours.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import Ajv, { type AnySchema } from 'ajv';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, type AppOptions } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { publishedFor, QUESTION_IDS } from '../../src/server/questions';
import { CODE_ALPHABET, newCode, type NewRoom, type RoomState } from '../../src/server/rooms';

type App = ReturnType<typeof createApp>;

const Q = 'burnout-share';
const OTHER = 'trust-top';
const HOUR = 60 * 60 * 1000;
const JSON_TYPE = { 'content-type': 'application/json' };

/** A device id as the join page makes it: 16 random bytes, base64url (22 characters). */
let deviceCounter = 0;
const newDevice = () => Buffer.from(`device-${++deviceCounter}-${Math.random()}`).toString('base64url').slice(0, 22).padEnd(22, 'x');

/** The app's clock, moved by tests. */
const clock = { t: Date.parse('2026-12-04T09:00:00Z'), now: () => new Date(clock.t) };

/** The client address: the x-test-client header, else one school's address. */
const SCHOOL = '198.51.100.10';
const byHeader = (c: { req: { header(name: string): string | undefined } }) => c.req.header('x-test-client') ?? SCHOOL;

let creators = 0;
/** A new room, from an address of its own (10 rooms an hour per address). */
async function newRoom(app: App): Promise<NewRoom> {
  const res = await app.request('/api/rooms', { method: 'POST', headers: { ...JSON_TYPE, 'x-test-client': `teacher-${++creators}` }, body: '{}' });
  expect(res.status).toBe(201);
  return (await res.json()) as NewRoom;
}

async function getState(app: App, code: string, headers: Record<string, string> = {}): Promise<RoomState> {
  const res = await app.request(`/api/rooms/${code}`, { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RoomState;
}

const sendAnswer = (app: App, code: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(`/api/rooms/${code}/answers`, { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const answerOf = (app: App, code: string, device: string, value: number, question = Q) => sendAnswer(app, code, { device, question, value });

const teacher = (app: App, method: string, path: string, key: string | null, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...(body === undefined ? {} : JSON_TYPE), ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const ask = async (app: App, room: NewRoom, question = Q) => {
  const res = await teacher(app, 'PUT', `/api/rooms/${room.code}/question`, room.key, { question });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as RoomState;
};
const revealRoom = async (app: App, room: NewRoom) => {
  const res = await teacher(app, 'POST', `/api/rooms/${room.code}/reveal`, room.key);
  expect(res.status).toBe(200);
  return (await res.json()) as RoomState;
};

const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

/** A stream of Server-Sent Events read from a response: events and comments, one at a time. */
function sse(res: Response) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    /** The next event (or comment), or null when the stream ended; throws after `ms`. */
    async next(ms = 5000): Promise<{ event?: string; data?: string; comment?: string } | null> {
      const deadline = Date.now() + ms;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const out: { event?: string; data?: string; comment?: string } = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) out.comment = line.slice(1).trim();
            else if (line.startsWith('event: ')) out.event = line.slice(7);
            else if (line.startsWith('data: ')) out.data = (out.data === undefined ? '' : `${out.data}\n`) + line.slice(6);
          }
          return out;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${ms} ms (buffer: ${JSON.stringify(buffer)})`);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<'timeout'>((ok) => (timer = setTimeout(() => ok('timeout'), left))),
        ]).finally(() => clearTimeout(timer));
        if (chunk === 'timeout') continue;
        if (chunk.done) return null;
        buffer += chunk.value;
      }
    },
    /** The next `state` event's state (skipping comments). */
    async state(ms = 5000): Promise<RoomState> {
      for (;;) {
        const e = await this.next(ms);
        if (!e) throw new Error('the stream ended');
        if (e.comment !== undefined && !e.event) continue;
        expect(e.event).toBe('state');
        return JSON.parse(e.data!) as RoomState;
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** Waits until `check` holds (polling), or fails after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function roomsSuite(name: string, open: () => Promise<Db>): void {
  describe(`class mode (rooms) on ${name}`, () => {
    let db: Db;
    let app: App;
    const make = (opts: Partial<AppOptions> = {}) => createApp({ db, clientAddress: byHeader, now: clock.now, ...opts });

    const count = async (sql: string, params: unknown[] = []) => Number((await db.query<{ n: number }>(sql, params))[0]!.n);
    const answerRows = (code?: string) =>
      code ? count('select count(*)::int as n from room_answers where code = $1', [code]) : count('select count(*)::int as n from room_answers');

    beforeAll(async () => {
      db = await open();
      app = make();
    });
    afterAll(() => db?.close());
    beforeEach(async () => {
      clock.t = Date.parse('2026-12-04T09:00:00Z');
      await db.query('delete from rooms');
      await db.query('delete from guesses');
    });

    describe('a new room', () => {
      it('answers 201 with a 6-character code of the alphabet, a 43-character key and the expiry 12 h on', async () => {
        const room = await newRoom(app);
        expect(Object.keys(room).sort()).toEqual(['code', 'expires', 'key']);
        expect(room.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
        expect(room.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Date.parse(room.expires)).toBe(clock.t + 12 * HOUR);
      });

      it('codes use only the 31 characters without look-alikes (no 0/O, 1/I/L), all of them', () => {
        expect(CODE_ALPHABET).toBe('ABCDEFGHJKMNPQRSTUVWXYZ23456789');
        expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
        const seen = new Set<string>();
        for (let i = 0; i < 2000; i++) {
          const code = newCode();
          expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
          for (const ch of code) seen.add(ch);
        }
        expect(seen.size).toBe(31);
      });

      it('stores only the SHA-256 of the key: the table never holds the key itself', async () => {
        const room = await newRoom(app);
        const rows = await db.query<Record<string, unknown>>('select * from rooms');
        expect(rows).toHaveLength(1);
        const row = rows[0]!;
        expect(row.key_hash).toBe(createHash('sha256').update(room.key).digest('hex'));
        expect(JSON.stringify(rows)).not.toContain(room.key);
        expect(row.code).toBe(room.code);
        expect(row.question).toBeNull();
        expect(row.revealed).toBe(false);
      });

      it('the tables hold exactly the contract\'s columns: no names, addresses, agents or ids', async () => {
        const cols = async (table: string) =>
          (
            await db.query<{ column_name: string }>(
              'select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by column_name',
              [table],
            )
          ).map((r) => r.column_name);
        expect(await cols('rooms')).toEqual(['code', 'created', 'expires', 'key_hash', 'question', 'revealed']);
        expect(await cols('room_answers')).toEqual(['code', 'device', 'hour', 'question', 'value']);
      });

      it('takes an empty body or {}; refuses fields, other types, bad JSON and big bodies, creating nothing', async () => {
        const post = (body: string | undefined, headers: Record<string, string> = JSON_TYPE) =>
          app.request('/api/rooms', { method: 'POST', headers: { ...headers, 'x-test-client': `body-${++creators}` }, body });
        expect((await post(undefined, {})).status).toBe(201);
        expect((await post('')).status).toBe(201);
        expect((await post('{}')).status).toBe(201);
        const before = await count('select count(*)::int as n from rooms');
        const bad: [string, Record<string, string>, number, string][] = [
          ['{"name": "Ms Smith"}', JSON_TYPE, 400, 'name: '],
          ['[]', JSON_TYPE, 400, 'body: '],
          ['{', JSON_TYPE, 400, 'body: '],
          ['{}', { 'content-type': 'text/plain' }, 415, 'Content-Type: '],
          [`{"x": "${'a'.repeat(1100)}"}`, JSON_TYPE, 413, 'body: '],
        ];
        for (const [body, headers, status, field] of bad) {
          const res = await post(body, headers);
          expect(res.status, body.slice(0, 30)).toBe(status);
          expect(await errorOf(res)).toMatch(new RegExp(`^${field}`));
        }
        expect(await count('select count(*)::int as n from rooms')).toBe(before);
      });

      it('10 rooms an hour per address: the 11th is 429 with Retry-After, another address still starts one', async () => {
        const post = (who: string) => app.request('/api/rooms', { method: 'POST', headers: { ...JSON_TYPE, 'x-test-client': who }, body: '{}' });
        for (let i = 0; i < 10; i++) expect((await post('203.0.113.50')).status).toBe(201);
        const res = await post('203.0.113.50');
        expect(res.status).toBe(429);
        const wait = Number(res.headers.get('retry-after'));
        expect(wait).toBeGreaterThan(60);
        expect(wait).toBeLessThanOrEqual(3600);
        expect(await errorOf(res)).toBe(`too many new rooms from this address: try again in ${wait} s`);
        expect((await post('203.0.113.51')).status).toBe(201);
        expect(await count('select count(*)::int as n from rooms')).toBe(11);
      });
    });

    describe('state', () => {
      it('before the first question: nothing to answer, nothing shown; the code in any case', async () => {
        const room = await newRoom(app);
        const expected = {
          code: room.code,
          question: null,
          step: 0,
          steps: QUESTION_IDS.length,
          revealed: false,
          answers: 0,
          students: 0,
          expires: room.expires,
          bins: null,
          median: null,
          published: null,
        };
        expect(await getState(app, room.code)).toEqual(expected);
        expect(await getState(app, room.code.toLowerCase())).toEqual(expected);
        const res = await app.request(`/api/rooms/${room.code}`);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(res.headers.get('set-cookie')).toBeNull();
      });

      it('bins, median and the published figure stay null until the reveal; exact bins after', async () => {
        const room = await newRoom(app);
        expect((await ask(app, room)).step).toBe(QUESTION_IDS.indexOf(Q) + 1);
        const values = [0, 4.99, 5, 50, 50, 94.999, 95, 100];
        for (const v of values) expect((await answerOf(app, room.code, newDevice(), v)).status).toBe(201);
        const before = await getState(app, room.code);
        expect(before).toMatchObject({ question: Q, revealed: false, answers: 8, students: 8, bins: null, median: null, published: null });
        const after = await revealRoom(app, room);
        expect(after.revealed).toBe(true);
        const expected = new Array(20).fill(0) as number[];
        Object.assign(expected, { 0: 2, 1: 1, 10: 2, 18: 1, 19: 2 });
        expect(after.bins).toEqual(expected.map((n, i) => ({ from: i * 5, to: i * 5 + 5, count: n })));
        expect(after.median).toBe(50);
        expect(after.published).toEqual(publishedFor(Q));
        expect(after.published).not.toBeNull();
        expect(await getState(app, room.code)).toEqual(after);
      });

      it('a revealed question with no answers: 20 empty bins and no median', async () => {
        const room = await newRoom(app);
        await ask(app, room, OTHER);
        const s = await revealRoom(app, room);
        expect(s.bins).toHaveLength(20);
        expect(s.bins!.every((b) => b.count === 0)).toBe(true);
        expect(s.median).toBeNull();
        expect(s.published).toEqual(publishedFor(OTHER));
      });

      it('an unknown or malformed code is 404 "no such room", in the same words', async () => {
        let unknown = newCode();
        while (unknown === (await newRoom(app)).code) unknown = newCode();
        for (const code of [unknown, 'ABC', 'ABCDEFG', 'ABCDE0', 'ABCDEI', 'ABCDE%20', 'abcde1']) {
          const res = await app.request(`/api/rooms/${code}`);
          expect(res.status, code).toBe(404);
          expect(await res.json()).toEqual({ error: 'no such room' });
        }
      });
    });

    describe("the teacher's key", () => {
      const actions: [string, string, (code: string) => string, unknown][] = [
        ['PUT question', 'PUT', (code) => `/api/rooms/${code}/question`, { question: OTHER }],
        ['POST reveal', 'POST', (code) => `/api/rooms/${code}/reveal`, undefined],
        ['POST reset', 'POST', (code) => `/api/rooms/${code}/reset`, undefined],
        ['DELETE', 'DELETE', (code) => `/api/rooms/${code}`, undefined],
      ];
      for (const [what, method, path, body] of actions) {
        it(`${what}: missing 401, a student's or another room's key 403, and nothing changes`, async () => {
          const room = await newRoom(app);
          const other = await newRoom(app);
          await ask(app, room);
          const device = newDevice();
          expect((await answerOf(app, room.code, device, 30)).status).toBe(201);
          const before = await getState(app, room.code);
          const rowsBefore = JSON.stringify(await db.query('select * from rooms order by code'));

          const missing = await teacher(app, method, path(room.code), null, body);
          expect(missing.status).toBe(401);
          expect(await errorOf(missing)).toBe("authorization: the room's key is required");
          const basic = await app.request(path(room.code), {
            method,
            headers: { authorization: `Basic ${Buffer.from(`x:${room.key}`).toString('base64')}`, ...(body ? JSON_TYPE : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
          expect(basic.status).toBe(401);
          for (const key of [device, other.key, room.key.slice(0, -1), `${room.key}x`]) {
            const res = await teacher(app, method, path(room.code), key, body);
            expect(res.status, key).toBe(403);
            expect(await errorOf(res)).toBe("authorization: not this room's key");
          }
          expect(await getState(app, room.code)).toEqual(before);
          expect(JSON.stringify(await db.query('select * from rooms order by code'))).toBe(rowsBefore);
          expect(await answerRows(room.code)).toBe(1);
          // And with the key it works.
          expect((await teacher(app, method, path(room.code), room.key, body)).status).toBe(method === 'DELETE' ? 204 : 200);
        });
      }

      it('on an unknown code: 404 "no such room", key or not', async () => {
        const room = await newRoom(app);
        await teacher(app, 'DELETE', `/api/rooms/${room.code}`, room.key);
        for (const key of [room.key, null]) {
          const res = await teacher(app, 'POST', `/api/rooms/${room.code}/reveal`, key);
          expect(res.status).toBe(404);
          expect(await res.json()).toEqual({ error: 'no such room' });
        }
      });

      it('moving on: a new question, not revealed; a known one keeps its answers; reveal before any question is 409', async () => {
        const room = await newRoom(app);
        const early = await teacher(app, 'POST', `/api/rooms/${room.code}/reveal`, room.key);
        expect(early.status).toBe(409);
        expect(await errorOf(early)).toBe('question: the class has no question yet');
        await ask(app, room, Q);
        await answerOf(app, room.code, newDevice(), 10);
        await revealRoom(app, room);
        const next = await ask(app, room, OTHER);
        expect(next).toMatchObject({ question: OTHER, step: QUESTION_IDS.indexOf(OTHER) + 1, revealed: false, answers: 0, students: 1, bins: null });
        const back = await ask(app, room, Q);
        expect(back).toMatchObject({ question: Q, revealed: false, answers: 1 });
        const bad = await teacher(app, 'PUT', `/api/rooms/${room.code}/question`, room.key, { question: 'nope' });
        expect(bad.status).toBe(400);
        expect(await errorOf(bad)).toBe('question: no such question "nope"');
        const extra = await teacher(app, 'PUT', `/api/rooms/${room.code}/question`, room.key, { question: Q, step: 2 });
        expect(extra.status).toBe(400);
        expect(await errorOf(extra)).toMatch(/^step: not a field/);
      });
    });

    describe('answers', () => {
      it('stores an answer to the current question: 201, hashed device, hour only', async () => {
        const room = await newRoom(app);
        await ask(app, room);
        const device = newDevice();
        const res = await answerOf(app, room.code, device, 42.5);
        expect(res.status).toBe(201);
        expect(await res.json()).toEqual({ question: Q, value: 42.5 });
        const rows = await db.query<{ device: string; value: number; m: number; s: number }>(
          'select device, value, extract(minute from hour)::int as m, extract(second from hour)::int as s from room_answers',
        );
        expect(rows).toEqual([{ device: createHash('sha256').update(`${room.code}:${device}`).digest('hex'), value: 42.5, m: 0, s: 0 }]);
        expect(JSON.stringify(await db.query('select * from room_answers'))).not.toContain(device);
      });

      it('refuses an answer before the first question, to another question, and after the reveal, storing nothing', async () => {
        const room = await newRoom(app);
        const device = newDevice();
        const early = await answerOf(app, room.code, device, 10);
        expect(early.status).toBe(409);
        expect(await errorOf(early)).toBe('question: not the question the class is on');
        await ask(app, room);
        const wrong = await answerOf(app, room.code, device, 10, OTHER);
        expect(wrong.status).toBe(409);
        expect(await errorOf(wrong)).toBe('question: not the question the class is on');
        expect(await answerRows()).toBe(0);
        expect((await answerOf(app, room.code, device, 10)).status).toBe(201);
        await revealRoom(app, room);
        for (const d of [device, newDevice()]) {
          const late = await answerOf(app, room.code, d, 90);
          expect(late.status).toBe(409);
          expect(await errorOf(late)).toBe('question: answers are closed, the teacher has revealed it');
        }
        expect(await db.query('select value from room_answers')).toEqual([{ value: 10 }]);
      });

      it('a device answering twice counts once, with its later value', async () => {
        const room = await newRoom(app);
        await ask(app, room);
        const device = newDevice();
        expect((await answerOf(app, room.code, device, 20)).status).toBe(201);
        expect((await answerOf(app, room.code, device, 80)).status).toBe(201);
        expect((await answerOf(app, room.code, newDevice(), 30)).status).toBe(201);
        expect(await getState(app, room.code)).toMatchObject({ answers: 2, students: 2 });
        expect(await answerRows(room.code)).toBe(2);
        const s = await revealRoom(app, room);
        expect(s.bins![16]!.count).toBe(1); // 80
        expect(s.bins![4]!.count).toBe(0); // 20 was replaced
        expect(s.median).toBe(55);
      });

      it('30 devices from one address all count (no per-address limit on answers; the public limit does not apply)', async () => {
        // The public guesses' limit at its strictest: one a minute per address.
        const school = make({ clientAddress: () => SCHOOL, rateLimit: { postsPerMinute: 1, getsPerMinute: 1 } });
        const room = await newRoom(make());
        await ask(school, room);
        const devices = Array.from({ length: 30 }, newDevice);
        for (const [i, d] of devices.entries()) {
          const res = await answerOf(school, room.code, d, i);
          expect(res.status, await res.clone().text()).toBe(201);
          // and every student's page reads the state
          expect((await school.request(`/api/rooms/${room.code}`)).status).toBe(200);
        }
        expect(await getState(school, room.code)).toMatchObject({ answers: 30, students: 30 });
        // The public limit is untouched by all that, and still holds for public guesses.
        const guess = () => school.request('/api/guesses', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ question: Q, value: 1 }) });
        expect((await guess()).status).toBe(201);
        expect((await guess()).status).toBe(429);
      });

      it('room answers never appear in the public distribution', async () => {
        const room = await newRoom(app);
        await ask(app, room);
        for (let i = 0; i < 25; i++) expect((await answerOf(app, room.code, newDevice(), i * 4)).status).toBe(201);
        const res = await app.request(`/api/guesses/${Q}`);
        expect(((await res.json()) as { count: number }).count).toBe(0);
        expect(await count('select count(*)::int as n from guesses')).toBe(0);
        expect(await answerRows(room.code)).toBe(25);
      });

      it('200 devices a room: the 201st is refused (409) and stores nothing; the 200 can still change their answers', async () => {
        const room = await newRoom(app);
        await ask(app, room);
        const devices = Array.from({ length: 200 }, newDevice);
        for (const d of devices) expect((await answerOf(app, room.code, d, 50)).status).toBe(201);
        const full = await answerOf(app, room.code, newDevice(), 50);
        expect(full.status).toBe(409);
        expect(await errorOf(full)).toBe('room: full (200 students)');
        expect(await answerRows(room.code)).toBe(200);
        expect((await answerOf(app, room.code, devices[7]!, 60)).status).toBe(201);
        // A student of the 200 still answers the next question.
        await ask(app, room, OTHER);
        expect((await answerOf(app, room.code, devices[9]!, 60, OTHER)).status).toBe(201);
        expect((await answerOf(app, room.code, newDevice(), 60, OTHER)).status).toBe(409);
        expect(await getState(app, room.code)).toMatchObject({ answers: 1, students: 200 });
        expect(await answerRows(room.code)).toBe(201);
      });

      it('the cap holds under concurrent answers: 150 in, 100 new devices at once, exactly 50 get in', async () => {
        const room = await newRoom(app);
        await ask(app, room);
        for (let i = 0; i < 150; i++) expect((await answerOf(app, room.code, newDevice(), 50)).status).toBe(201);
        const results = await Promise.all(Array.from({ length: 100 }, () => answerOf(app, room.code, newDevice(), 50)));
        const statuses = results.map((r) => r.status);
        expect(statuses.filter((s) => s === 201)).toHaveLength(50);
        expect(statuses.filter((s) => s === 409)).toHaveLength(50);
        expect(await count('select count(distinct device)::int as n from room_answers where code = $1', [room.code])).toBe(200);
      });

      it('20 answers a minute per device, 1,200 per room: 429 past them, with Retry-After', async () => {
        const room = await newRoom(app);
        await ask(app, room);
        const device = newDevice();
        for (let i = 0; i < 20; i++) expect((await answerOf(app, room.code, device, i)).status).toBe(201);
        const res = await answerOf(app, room.code, device, 99);
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(await errorOf(res)).toMatch(/^too many answers from this device: try again in \d+ s$/);
        expect((await answerOf(app, room.code, newDevice(), 1)).status).toBe(201);
        expect(await db.query('select value from room_answers where value = 99')).toEqual([]);

        // The room's limit, made small to reach: another room is not touched by it.
        const small = make({ rooms: { limits: { answersPerRoom: 5 } } });
        const busy = await newRoom(small);
        const calm = await newRoom(small);
        await ask(small, busy);
        await ask(small, calm);
        for (let i = 0; i < 5; i++) expect((await answerOf(small, busy.code, newDevice(), 1)).status).toBe(201);
        const over = await answerOf(small, busy.code, newDevice(), 1);
        expect(over.status).toBe(429);
        expect(await errorOf(over)).toMatch(/^too many answers to this room: try again in \d+ s$/);
        expect((await answerOf(small, calm.code, newDevice(), 1)).status).toBe(201);
      });

      const bad: { what: string; body: string | ((code: string) => string); type?: string | null; code?: string; status: number; error: RegExp }[] = [
        { what: 'a malformed code', body: () => JSON.stringify({ device: 'd'.repeat(22), question: Q, value: 5 }), code: 'ABC0EF', status: 404, error: /^no such room$/ },
        { what: 'a missing device', body: JSON.stringify({ question: Q, value: 5 }), status: 400, error: /^device: required$/ },
        { what: 'a device of 15 characters', body: JSON.stringify({ device: 'a'.repeat(15), question: Q, value: 5 }), status: 400, error: /^device: must be 16 to 64/ },
        { what: 'a device of 65 characters', body: JSON.stringify({ device: 'a'.repeat(65), question: Q, value: 5 }), status: 400, error: /^device: must be 16 to 64/ },
        { what: 'a device with other characters', body: JSON.stringify({ device: 'abc def+ghi/jklmnop=', question: Q, value: 5 }), status: 400, error: /^device: / },
        { what: 'a device as a number', body: JSON.stringify({ device: 1234567890123456789, question: Q, value: 5 }), status: 400, error: /^device: must be a string/ },
        { what: 'an unknown question', body: JSON.stringify({ device: 'd'.repeat(22), question: 'nope', value: 5 }), status: 400, error: /^question: no such question "nope"$/ },
        { what: 'a value below 0', body: JSON.stringify({ device: 'd'.repeat(22), question: Q, value: -1 }), status: 400, error: /^value: must be at least 0$/ },
        { what: 'a value above 100', body: JSON.stringify({ device: 'd'.repeat(22), question: Q, value: 100.5 }), status: 400, error: /^value: must be at most 100$/ },
        { what: 'a value as a string', body: JSON.stringify({ device: 'd'.repeat(22), question: Q, value: '50' }), status: 400, error: /^value: must be a number/ },
        { what: 'NaN', body: `{"device": "${'d'.repeat(22)}", "question": "${Q}", "value": NaN}`, status: 400, error: /^value: NaN is not a JSON number$/ },
        { what: 'an extra field', body: JSON.stringify({ device: 'd'.repeat(22), question: Q, value: 5, name: 'Sam' }), status: 400, error: /^name: not a field \(an answer has only device, question and value\)$/ },
        { what: 'text/plain', body: JSON.stringify({ device: 'd'.repeat(22), question: Q, value: 5 }), type: 'text/plain', status: 415, error: /^Content-Type: / },
        { what: 'no Content-Type', body: JSON.stringify({ device: 'd'.repeat(22), question: Q, value: 5 }), type: null, status: 415, error: /^Content-Type: / },
        { what: 'a body over 1 KB', body: JSON.stringify({ device: 'd'.repeat(22), question: Q, value: 5 }).slice(0, -1) + ' '.repeat(1100) + '}', status: 413, error: /^body: over 1024 bytes$/ },
        { what: 'malformed JSON', body: '{"device": ', status: 400, error: /^body: not valid JSON$/ },
        { what: 'an array', body: '[]', status: 400, error: /^body: must be a JSON object/ },
      ];
      for (const b of bad) {
        it(`refuses ${b.what} with ${b.status} naming the field, and stores nothing`, async () => {
          const room = await newRoom(app);
          await ask(app, room);
          await answerOf(app, room.code, newDevice(), 10);
          const headers: Record<string, string> = {};
          if (b.type !== null) headers['content-type'] = b.type ?? 'application/json';
          const res = await app.request(`/api/rooms/${b.code ?? room.code}/answers`, {
            method: 'POST',
            headers,
            body: typeof b.body === 'function' ? b.body(room.code) : b.body,
          });
          expect(res.status).toBe(b.status);
          const body = (await res.json()) as { error: string };
          expect(Object.keys(body)).toEqual(['error']);
          expect(body.error).toMatch(b.error);
          expect(await answerRows()).toBe(1);
        });
      }
    });

    describe('reset and close', () => {
      it("reset deletes only the current question's answers and closes its reveal", async () => {
        const room = await newRoom(app);
        const other = await newRoom(app);
        await ask(app, room, Q);
        await ask(app, other, OTHER);
        const devices = Array.from({ length: 3 }, newDevice);
        for (const d of devices) await answerOf(app, room.code, d, 10);
        await ask(app, room, OTHER);
        for (const d of devices.slice(0, 2)) await answerOf(app, room.code, d, 20, OTHER);
        await answerOf(app, other.code, newDevice(), 30, OTHER);
        await revealRoom(app, room);
        const res = await teacher(app, 'POST', `/api/rooms/${room.code}/reset`, room.key);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ question: OTHER, revealed: false, answers: 0, students: 3, bins: null, median: null, published: null });
        expect(await count('select count(*)::int as n from room_answers where code = $1 and question = $2', [room.code, Q])).toBe(3);
        expect(await count('select count(*)::int as n from room_answers where code = $1 and question = $2', [room.code, OTHER])).toBe(0);
        expect(await answerRows(other.code)).toBe(1);
        // Answers are open again.
        expect((await answerOf(app, room.code, devices[0]!, 40, OTHER)).status).toBe(201);
      });

      it('close deletes the room and its answers (and nothing of another room); the code is then no room', async () => {
        const room = await newRoom(app);
        const other = await newRoom(app);
        await ask(app, room);
        await ask(app, other);
        for (let i = 0; i < 4; i++) await answerOf(app, room.code, newDevice(), i);
        await answerOf(app, other.code, newDevice(), 5);
        const res = await teacher(app, 'DELETE', `/api/rooms/${room.code}`, room.key);
        expect(res.status).toBe(204);
        expect(await res.text()).toBe('');
        expect(await count('select count(*)::int as n from rooms where code = $1', [room.code])).toBe(0);
        expect(await answerRows(room.code)).toBe(0);
        expect(await answerRows(other.code)).toBe(1);
        const gone = await app.request(`/api/rooms/${room.code}`);
        expect(gone.status).toBe(404);
        expect(await gone.json()).toEqual({ error: 'no such room' });
        expect((await teacher(app, 'DELETE', `/api/rooms/${room.code}`, room.key)).status).toBe(404);
      });
    });

    describe('expiry', () => {
      it('12 h after its start a room is "no such room" everywhere, and the sweep deletes its rows', async () => {
        const room = await newRoom(app);
        const young = await (async () => {
          clock.t += 6 * HOUR;
          return newRoom(app);
        })();
        clock.t -= 6 * HOUR;
        await ask(app, room);
        await ask(app, young);
        for (let i = 0; i < 3; i++) await answerOf(app, room.code, newDevice(), i);
        await answerOf(app, young.code, newDevice(), 9);

        clock.t += 12 * HOUR - 1;
        expect((await getState(app, room.code)).answers).toBe(3);
        clock.t += 1;
        const checks = [
          await app.request(`/api/rooms/${room.code}`),
          await app.request(`/api/rooms/${room.code}/events`),
          await answerOf(app, room.code, newDevice(), 5),
          await teacher(app, 'POST', `/api/rooms/${room.code}/reveal`, room.key),
          await teacher(app, 'PUT', `/api/rooms/${room.code}/question`, room.key, { question: OTHER }),
          await teacher(app, 'DELETE', `/api/rooms/${room.code}`, room.key),
        ];
        for (const res of checks) {
          expect(res.status).toBe(404);
          expect(await res.json()).toEqual({ error: 'no such room' });
        }
        // Not yet swept: the rows are there, but no read shows them.
        expect(await answerRows(room.code)).toBe(3);
        expect(await app.rooms.sweep()).toBe(1);
        expect(await count('select count(*)::int as n from rooms where code = $1', [room.code])).toBe(0);
        expect(await answerRows(room.code)).toBe(0);
        // The younger room lives on, with its answer.
        expect((await getState(app, young.code)).answers).toBe(1);
        expect(await answerRows(young.code)).toBe(1);
      });

      it('starting a room sweeps the expired ones too', async () => {
        const old = await newRoom(app);
        await ask(app, old);
        await answerOf(app, old.code, newDevice(), 1);
        clock.t += 13 * HOUR;
        await newRoom(app);
        expect(await count('select count(*)::int as n from rooms where code = $1', [old.code])).toBe(0);
        expect(await answerRows()).toBe(0);
      });
    });

    describe('unknown codes (enumeration)', () => {
      it('20 unknown codes a minute per address; the 21st is 429, while another address still gets 404', async () => {
        const limited = make();
        const room = await newRoom(limited);
        const known = await newRoom(limited);
        const a = { 'x-test-client': '192.0.2.30' };
        const b = { 'x-test-client': '192.0.2.31' };
        // A has reached one room before it starts guessing codes.
        expect((await limited.request(`/api/rooms/${known.code}`, { headers: a })).status).toBe(200);
        const taken = new Set([room.code, known.code]);
        const unknown = () => {
          let code = newCode();
          while (taken.has(code)) code = newCode();
          return code;
        };
        for (let i = 0; i < 20; i++) {
          const res = await limited.request(`/api/rooms/${i % 2 ? unknown() : 'BAD'}`, { headers: a });
          expect(res.status, `miss ${i + 1}`).toBe(404);
        }
        const blocked = await limited.request(`/api/rooms/${unknown()}`, { headers: a });
        expect(blocked.status).toBe(429);
        const wait = Number(blocked.headers.get('retry-after'));
        expect(wait).toBeGreaterThanOrEqual(1);
        expect(wait).toBeLessThanOrEqual(60);
        expect(await errorOf(blocked)).toMatch(/^too many unknown room codes: try again in \d+ s$/);
        // While blocked, a room A never reached answers as an unknown one does: 429, nothing to learn.
        expect((await limited.request(`/api/rooms/${room.code}`, { headers: a })).status).toBe(429);
        expect((await answerOf(limited, room.code, newDevice(), 5, Q)).status).not.toBe(429); // another address (the school's)
        // The room A had reached keeps working for it (a class is not locked out by a mistyped code).
        expect((await limited.request(`/api/rooms/${known.code}`, { headers: a })).status).toBe(200);
        // Another address: unknown is 404, known is 200.
        expect((await limited.request(`/api/rooms/${unknown()}`, { headers: b })).status).toBe(404);
        expect((await limited.request(`/api/rooms/${room.code}`, { headers: b })).status).toBe(200);
      });
    });

    describe('events (Server-Sent Events)', () => {
      it('sends the state at once, then each change; a reconnect gets the right count; DELETE sends closed', async () => {
        const room = await newRoom(app);
        await ask(app, room);
        await answerOf(app, room.code, newDevice(), 10);
        const res = await app.request(`/api/rooms/${room.code}/events`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(res.headers.get('x-accel-buffering')).toBe('no');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const stream = sse(res);
        const first = await stream.state();
        expect(first).toEqual(await getState(app, room.code));
        expect(first.answers).toBe(1);

        const device = newDevice();
        expect((await answerOf(app, room.code, device, 20)).status).toBe(201);
        expect((await stream.state()).answers).toBe(2);
        expect(app.rooms.events.count(room.code)).toBe(1);

        // Dropped: answers arrive meanwhile (one replaces an earlier one), then a reconnect.
        await stream.cancel();
        await until(() => app.rooms.events.count(room.code) === 0);
        expect((await answerOf(app, room.code, newDevice(), 30)).status).toBe(201);
        expect((await answerOf(app, room.code, device, 25)).status).toBe(201);
        const again = sse(await app.request(`/api/rooms/${room.code}/events`));
        const resumed = await again.state();
        expect(resumed.answers).toBe(3);
        expect(resumed.students).toBe(3);

        // Question, reveal and reset are states too.
        await ask(app, room, OTHER);
        expect(await again.state()).toMatchObject({ question: OTHER, answers: 0 });
        await revealRoom(app, room);
        const revealed = await again.state();
        expect(revealed.revealed).toBe(true);
        expect(revealed.bins).toHaveLength(20);

        expect((await teacher(app, 'DELETE', `/api/rooms/${room.code}`, room.key)).status).toBe(204);
        const closed = await again.next();
        expect(closed?.event).toBe('closed');
        expect(await again.next()).toBeNull();
        await until(() => app.rooms.events.count(room.code) === 0);
      });

      it('a change made by another process is found by polling', async () => {
        const polled = make({ rooms: { events: { pollMs: 50 } } });
        const other = make();
        const room = await newRoom(polled);
        await ask(polled, room);
        const stream = sse(await polled.request(`/api/rooms/${room.code}/events`));
        expect((await stream.state()).answers).toBe(0);
        expect((await answerOf(other, room.code, newDevice(), 10)).status).toBe(201);
        expect((await stream.state(3000)).answers).toBe(1);
        // Expiry is found the same way: `closed`, and the stream ends.
        clock.t += 12 * HOUR;
        expect((await stream.next(3000))?.event).toBe('closed');
        expect(await stream.next()).toBeNull();
        await until(() => polled.rooms.events.count() === 0);
      });

      it('a heartbeat comment while nothing changes', async () => {
        const beating = make({ rooms: { events: { heartbeatMs: 50 } } });
        const room = await newRoom(beating);
        const stream = sse(await beating.request(`/api/rooms/${room.code}/events`));
        await stream.state();
        expect(await stream.next(2000)).toEqual({ comment: 'heartbeat' });
        await stream.cancel();
        await until(() => beating.rooms.events.count() === 0);
      });

      it('at most 20 open streams a room: the 21st is 429; one closing makes room', async () => {
        const room = await newRoom(app);
        const other = await newRoom(app);
        const streams = [];
        for (let i = 0; i < 20; i++) {
          const res = await app.request(`/api/rooms/${room.code}/events`);
          expect(res.status).toBe(200);
          const s = sse(res);
          await s.state();
          streams.push(s);
        }
        const over = await app.request(`/api/rooms/${room.code}/events`);
        expect(over.status).toBe(429);
        expect(await errorOf(over)).toMatch(/^events: /);
        const elsewhere = sse(await app.request(`/api/rooms/${other.code}/events`));
        await elsewhere.state();
        await streams.pop()!.cancel();
        await until(() => app.rooms.events.count(room.code) === 19);
        const next = sse(await app.request(`/api/rooms/${room.code}/events`));
        expect((await next.state()).code).toBe(room.code);
        for (const s of [...streams, next, elsewhere]) await s.cancel();
        await until(() => app.rooms.events.count() === 0);
      });

      it('HEAD answers the headers and opens no stream', async () => {
        const room = await newRoom(app);
        const res = await app.request(`/api/rooms/${room.code}/events`, { method: 'HEAD' });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(await res.text()).toBe('');
        expect(app.rooms.events.count(room.code)).toBe(0);
      });

      it('an unknown code is 404, not a stream', async () => {
        const res = await app.request('/api/rooms/ZZZZZZ/events');
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: 'no such room' });
      });

      it('through a real server: a dropped connection is cleaned up, a reconnect sees every answer once', async () => {
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
        await new Promise<void>((ok) => server.once('listening', () => ok()));
        const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        try {
          const room = await newRoom(app);
          await ask(app, room);
          const abort = new AbortController();
          const res = await fetch(`${origin}/api/rooms/${room.code}/events`, { signal: abort.signal });
          expect(res.headers.get('x-accel-buffering')).toBe('no');
          const stream = sse(res);
          expect((await stream.state()).answers).toBe(0);
          const post = (device: string, value: number) =>
            fetch(`${origin}/api/rooms/${room.code}/answers`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ device, question: Q, value }) });
          const devices = Array.from({ length: 5 }, newDevice);
          for (const d of devices) expect((await post(d, 50)).status).toBe(201);
          let seen = 0;
          while (seen < 5) seen = (await stream.state()).answers;
          expect(seen).toBe(5);
          abort.abort();
          await until(() => app.rooms.events.count(room.code) === 0);
          for (const d of devices) expect((await post(d, 60)).status).toBe(201); // changed answers: still 5
          expect((await post(newDevice(), 60)).status).toBe(201);
          const again = sse(await fetch(`${origin}/api/rooms/${room.code}/events`));
          expect((await again.state()).answers).toBe(6);
          await again.cancel();
          await until(() => app.rooms.events.count(room.code) === 0);
        } finally {
          app.rooms.events.shutdown();
          await new Promise((ok) => {
            server.close(ok);
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
        }
      });
    });

    describe('the rest', () => {
      it('/api/openapi.json lists every room route, with the key as a bearer scheme', async () => {
        const doc = (await (await app.request('/api/openapi.json')).json()) as Record<string, any>;
        const rooms = Object.fromEntries(Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/rooms')).map(([p, ops]) => [p, Object.keys(ops as object).sort()]));
        expect(rooms).toEqual({
          '/api/rooms': ['post'],
          '/api/rooms/{code}': ['delete', 'get'],
          '/api/rooms/{code}/events': ['get'],
          '/api/rooms/{code}/answers': ['post'],
          '/api/rooms/{code}/question': ['put'],
          '/api/rooms/{code}/reveal': ['post'],
          '/api/rooms/{code}/reset': ['post'],
        });
        expect(doc.components.securitySchemes.roomKey).toMatchObject({ type: 'http', scheme: 'bearer' });
        expect(doc.paths['/api/rooms/{code}/reveal'].post.security).toEqual([{ roomKey: [] }]);
        expect(doc.paths['/api/rooms/{code}/answers'].post.responses['409'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
        expect(Object.keys(doc.paths['/api/rooms/{code}/events'].get.responses['200'].content)).toEqual(['text/event-stream']);

        // The server's answers fit the schemas it publishes.
        const ajv = new Ajv({ strict: false });
        ajv.addSchema({ $id: 'doc', components: doc.components } as AnySchema);
        const check = (name: string) => ajv.compile({ $ref: `doc#/components/schemas/${name}` } as AnySchema);
        const room = await newRoom(app);
        expect(check('NewRoom')(room)).toBe(true);
        expect(check('RoomState')(await getState(app, room.code))).toBe(true);
        await ask(app, room);
        const answer = await answerOf(app, room.code, newDevice(), 5);
        expect(check('Answer')(await answer.json())).toBe(true);
        expect(check('RoomState')(await revealRoom(app, room))).toBe(true);
        expect(check('AnswerInput')({ device: 'a'.repeat(16), question: Q, value: 5 })).toBe(true);
        expect(check('AnswerInput')({ device: 'a'.repeat(16), question: Q, value: 5, x: 1 })).toBe(false);
      });

      it('a wrong method is a JSON 405 with Allow', async () => {
        const room = await newRoom(app);
        const cases: [string, string, string][] = [
          ['GET', '/api/rooms', 'POST'],
          ['PUT', `/api/rooms/${room.code}`, 'GET, HEAD, DELETE'],
          ['POST', `/api/rooms/${room.code}/events`, 'GET, HEAD'],
          ['GET', `/api/rooms/${room.code}/answers`, 'POST'],
          ['POST', `/api/rooms/${room.code}/question`, 'PUT'],
          ['GET', `/api/rooms/${room.code}/reveal`, 'POST'],
          ['DELETE', `/api/rooms/${room.code}/reset`, 'POST'],
        ];
        for (const [method, path, allow] of cases) {
          const res = await app.request(path, { method });
          expect(res.status, `${method} ${path}`).toBe(405);
          expect(res.headers.get('allow')).toBe(allow);
        }
      });

      it('a CORS preflight allows the teacher\'s methods and Authorization (no credentials)', async () => {
        const res = await app.request('/api/rooms/ABCDEF', {
          method: 'OPTIONS',
          headers: { origin: 'https://example.org', 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization' },
        });
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
        expect(res.headers.get('access-control-allow-methods')).toMatch(/PUT/);
        expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      });

      it('logs nothing for requests, good or bad', async () => {
        const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
        try {
          const room = await newRoom(app);
          await ask(app, room);
          await answerOf(app, room.code, newDevice(), 61.2345);
          await answerOf(app, room.code, 'short', 61.2345);
          await app.request('/api/rooms/ZZZZZZ');
          await teacher(app, 'POST', `/api/rooms/${room.code}/reveal`, 'wrong');
          await teacher(app, 'DELETE', `/api/rooms/${room.code}`, room.key);
          for (const spy of spies) expect(spy).not.toHaveBeenCalled();
        } finally {
          spies.forEach((s) => s.mockRestore());
        }
      });
    });
  });
}
