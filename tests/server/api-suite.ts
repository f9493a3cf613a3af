/**
 * Every rule of the guess API, run in-process (Hono's app.request) against one database. The same
 * suite runs on PGlite (api.test.ts) and on a PostgreSQL server (api.postgres.test.ts): `open`
 * must give a database of the suite's own, as each test starts by emptying its guesses table.
 */
import Ajv, { type AnySchema } from 'ajv';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, forwardedAddress, UNAVAILABLE } from '../../src/server/app';
import type { Db } from '../../src/server/db';
import { guessFor } from '../../src/data/guesses';
import { loadData } from '../../src/data/load';
import { QUESTION_IDS } from '../../src/server/questions';

type App = ReturnType<typeof createApp>;

const Q = 'burnout-share';
const OTHER = 'trust-top';

const post = (app: App, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/api/guesses', { method: 'POST', body, headers });
const postGuess = (app: App, value: unknown, question = Q, headers?: Record<string, string>) =>
  post(app, JSON.stringify({ question, value }), { 'content-type': 'application/json', ...headers });

async function rows(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from guesses');
  return Number(row!.n);
}

/** A valid body padded with spaces to exactly `bytes` bytes. */
function padded(bytes: number): string {
  const body = JSON.stringify({ question: Q, value: 50 });
  return body.slice(0, -1) + ' '.repeat(bytes - body.length) + '}';
}

interface Bad {
  what: string;
  body: string;
  type?: string | null;
  status: number;
  /** The field the error must begin with. */
  field: string;
}

const ok = (value: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ question: Q, value, ...extra });

/** Every input the API must refuse, with the status and the field its error names. */
export const BAD: Bad[] = [
  { what: 'a question of the wrong type', body: JSON.stringify({ question: 5, value: 50 }), status: 400, field: 'question' },
  { what: 'a value of the wrong type', body: ok(true), status: 400, field: 'value' },
  { what: 'a value as a string ("50")', body: ok('50'), status: 400, field: 'value' },
  { what: 'a null value', body: ok(null), status: 400, field: 'value' },
  { what: 'NaN (raw, not JSON)', body: `{"question": "${Q}", "value": NaN}`, status: 400, field: 'value' },
  { what: 'Infinity (raw, not JSON)', body: `{"question": "${Q}", "value": -Infinity}`, status: 400, field: 'value' },
  { what: '1e999 (parses to Infinity)', body: `{"question": "${Q}", "value": 1e999}`, status: 400, field: 'value' },
  { what: 'a value below 0 (-1)', body: ok(-1), status: 400, field: 'value' },
  { what: 'a value just below 0 (-0.0001)', body: ok(-0.0001), status: 400, field: 'value' },
  { what: 'a value above 100 (100.0001)', body: ok(100.0001), status: 400, field: 'value' },
  { what: 'a missing question', body: JSON.stringify({ value: 50 }), status: 400, field: 'question' },
  { what: 'a missing value', body: JSON.stringify({ question: Q }), status: 400, field: 'value' },
  { what: 'an unknown question', body: JSON.stringify({ question: 'no-such-question', value: 50 }), status: 400, field: 'question' },
  { what: 'an inherited name as question', body: JSON.stringify({ question: 'constructor', value: 50 }), status: 400, field: 'question' },
  { what: 'an extra field', body: ok(50, { reader: 'x' }), status: 400, field: 'reader' },
  { what: 'a __proto__ field', body: `{"question": "${Q}", "value": 50, "__proto__": {"x": 1}}`, status: 400, field: '__proto__' },
  { what: 'a body of 1025 bytes', body: padded(1025), status: 413, field: 'body' },
  { what: 'a body of 100 kB', body: padded(100_000), status: 413, field: 'body' },
  { what: 'text/plain', body: ok(50), type: 'text/plain', status: 415, field: 'Content-Type' },
  { what: 'a form', body: `question=${Q}&value=50`, type: 'application/x-www-form-urlencoded', status: 415, field: 'Content-Type' },
  { what: 'no Content-Type', body: ok(50), type: null, status: 415, field: 'Content-Type' },
  { what: 'malformed JSON', body: `{"question": "${Q}", "value": 50`, status: 400, field: 'body' },
  { what: 'an empty body', body: '', status: 400, field: 'body' },
  { what: 'an array body', body: JSON.stringify([{ question: Q, value: 50 }]), status: 400, field: 'body' },
  { what: 'a null body', body: 'null', status: 400, field: 'body' },
  { what: 'a number body', body: '50', status: 400, field: 'body' },
];

/** A minimal OpenAPI 3.0 document schema: the fields this API's document must have, typed. */
const OPENAPI_DOC: AnySchema = {
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.0\\.\\d+$' },
    info: { type: 'object', required: ['title', 'version'], properties: { title: { type: 'string' }, version: { type: 'string' } } },
    paths: {
      type: 'object',
      patternProperties: {
        '^/': {
          type: 'object',
          propertyNames: { enum: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'parameters', 'summary', 'description', 'servers'] },
          additionalProperties: {
            type: 'object',
            required: ['responses'],
            properties: {
              responses: {
                type: 'object',
                minProperties: 1,
                propertyNames: { pattern: '^([1-5]\\d\\d|[1-5]XX|default)$' },
                additionalProperties: { type: 'object', required: ['description'] },
              },
              parameters: {
                type: 'array',
                items: { type: 'object', required: ['name', 'in'], properties: { in: { enum: ['path', 'query', 'header', 'cookie'] } } },
              },
            },
          },
        },
      },
      additionalProperties: false,
    },
    components: { type: 'object', properties: { schemas: { type: 'object', additionalProperties: { type: 'object' } } } },
  },
};

export function apiSuite(name: string, open: () => Promise<Db>): void {
  describe(`guess API on ${name}`, () => {
    let db: Db;
    let app: App;

    beforeAll(async () => {
      db = await open();
      app = createApp({ db, rateLimit: false });
    });
    afterAll(() => db?.close());
    beforeEach(async () => {
      await db.query('delete from guesses');
    });

    describe('POST /api/guesses', () => {
      it('stores a guess and answers 201 with the stored value', async () => {
        const res = await postGuess(app, 42.5);
        expect(res.status).toBe(201);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await res.json()).toEqual({ question: Q, value: 42.5 });
        expect(await db.query('select question, value from guesses')).toEqual([{ question: Q, value: 42.5 }]);
      });

      it('takes every question id of src/data/guesses.ts, and the bounds 0 and 100', async () => {
        for (const id of QUESTION_IDS) expect((await postGuess(app, 0, id)).status).toBe(201);
        expect((await postGuess(app, 100)).status).toBe(201);
        expect((await postGuess(app, 33.333333333333336)).status).toBe(201);
        expect(await rows(db)).toBe(QUESTION_IDS.length + 2);
        const [max] = await db.query<{ v: number }>('select max(value) as v from guesses');
        expect(max!.v).toBe(100);
        const [third] = await db.query<{ v: number }>('select value as v from guesses where value > 33 and value < 34');
        expect(third!.v).toBe(33.333333333333336);
      });

      it('takes a body of exactly 1024 bytes, with a charset on its type', async () => {
        const body = padded(1024);
        expect(Buffer.byteLength(body)).toBe(1024);
        const res = await post(app, body, { 'content-type': 'application/json; charset=utf-8' });
        expect(res.status).toBe(201);
        expect(await rows(db)).toBe(1);
      });

      for (const bad of BAD) {
        it(`refuses ${bad.what} with ${bad.status}, naming ${bad.field}, and stores nothing`, async () => {
          await postGuess(app, 10); // one row already there, so that "unchanged" is not "empty"
          const before = await rows(db);
          const headers: Record<string, string> = {};
          if (bad.type !== null) headers['content-type'] = bad.type ?? 'application/json';
          const res = await post(app, bad.body, headers);
          expect(res.status).toBe(bad.status);
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          const body = (await res.json()) as { error: string };
          expect(Object.keys(body)).toEqual(['error']);
          expect(body.error.startsWith(`${bad.field}: `), body.error).toBe(true);
          expect(body.error.length).toBeGreaterThan(bad.field.length + 3);
          expect(await rows(db)).toBe(before);
        });
      }

      it('says what is wrong in words a reader can act on', async () => {
        const error = async (body: string) => ((await (await post(app, body)).json()) as { error: string }).error;
        expect(await error(JSON.stringify({ question: 'x', value: 1 }))).toBe('question: no such question "x"');
        expect(await error(ok(101))).toBe('value: must be at most 100');
        expect(await error(ok(-1))).toBe('value: must be at least 0');
        expect(await error(ok('50'))).toMatch(/^value: must be a number.*not string$/);
        expect(await error(JSON.stringify({ question: Q }))).toBe('value: required');
        expect(await error(`{"question": "${Q}", "value": NaN}`)).toBe('value: NaN is not a JSON number');
        expect(await error('{')).toBe('body: not valid JSON');
        expect(await error(padded(1025))).toBe('body: over 1024 bytes');
      });
    });

    describe('GET /api/guesses/{question}', () => {
      const summary = async (question = Q) => {
        const res = await app.request(`/api/guesses/${question}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        return (await res.json()) as { question: string; count: number; bins: { from: number; to: number; count: number }[] | null; median: number | null; published: unknown };
      };
      const published = (id: string) => {
        const { figure } = guessFor(loadData().figures, id);
        return { value: figure.value, figure: figure.id };
      };

      it('with no guesses: count 0, no bins, no median, the published figure', async () => {
        expect(await summary()).toEqual({ question: Q, count: 0, bins: null, median: null, published: published(Q) });
      });

      it('with 19 guesses: the count only (no small-number disclosure)', async () => {
        for (let i = 0; i < 19; i++) expect((await postGuess(app, i * 5)).status).toBe(201);
        const s = await summary();
        expect(s.count).toBe(19);
        expect(s.bins).toBeNull();
        expect(s.median).toBeNull();
      });

      it('from 20 guesses: 20 bins of 5 points with the counts sent (100 in the last), and the median', async () => {
        // Edges: 0 and 4.99 in the first bin, 5 and 9.999 in the second, 94.999 in 90–95, 95 and 100 in the last.
        const values = [0, 4.99, 5, 95, 100, 94.999, 99.9, 12.5, 12.5, 12.5, 37, 38, 39, 40, 50, 50, 50, 60, 70, 9.999];
        for (const v of values) expect((await postGuess(app, v)).status).toBe(201);
        await postGuess(app, 50, OTHER); // another question's guess counts only there
        const s = await summary();
        expect(s.count).toBe(20);
        const expected = new Array(20).fill(0) as number[];
        Object.entries({ 0: 2, 1: 2, 2: 3, 7: 3, 8: 1, 10: 3, 12: 1, 14: 1, 18: 1, 19: 3 }).forEach(([bin, n]) => (expected[Number(bin)] = n));
        expect(s.bins).toEqual(expected.map((count, i) => ({ from: i * 5, to: i * 5 + 5, count })));
        expect(s.bins!.reduce((n, b) => n + b.count, 0)).toBe(20);
        // Sorted, the 10th and 11th values are 39 and 40: the median is their mean.
        expect(s.median).toBe(39.5);
        expect(s.published).toEqual(published(Q));
        expect((await summary(OTHER)).count).toBe(1);
      });

      it('the median of an odd count is the middle value', async () => {
        for (let i = 0; i < 21; i++) await postGuess(app, i === 20 ? 100 : i);
        expect((await summary()).median).toBe(10);
      });

      it('gives every question its published figure', async () => {
        for (const id of QUESTION_IDS) expect((await summary(id)).published).toEqual(published(id));
      });

      it('answers HEAD like GET, without a body', async () => {
        const res = await app.request(`/api/guesses/${Q}`, { method: 'HEAD' });
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('');
      });

      it('answers 404 naming the question for an unknown one', async () => {
        for (const id of ['nope', 'constructor', '%20', 'BURNOUT-SHARE']) {
          const res = await app.request(`/api/guesses/${id}`);
          expect(res.status).toBe(404);
          const { error } = (await res.json()) as { error: string };
          expect(error).toMatch(/^question: no such question "/);
        }
        expect(((await (await app.request('/api/guesses/x')).json()) as { error: string }).error).toBe('question: no such question "x"');
      });
    });

    describe('the rest of /api/', () => {
      it('health: 200 {"ok": true}', async () => {
        const res = await app.request('/api/health');
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ ok: true });
      });

      it('an unknown path under /api/ is a JSON 404 naming the path', async () => {
        for (const path of ['/api/', '/api/nothing', '/api/guesses/burnout-share/more', '/api/guesses/']) {
          const res = await app.request(path, { method: path === '/api/nothing' ? 'POST' : 'GET' });
          expect(res.status, path).toBe(404);
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          expect(((await res.json()) as { error: string }).error).toMatch(/^path: /);
        }
      });

      it('a wrong method on a known path is a JSON 405 with Allow, and stores nothing', async () => {
        const cases: [string, string, RegExp][] = [
          ['GET', '/api/guesses', /^POST$/],
          ['PUT', '/api/guesses', /^POST$/],
          ['DELETE', '/api/guesses', /^POST$/],
          ['POST', `/api/guesses/${Q}`, /^GET, HEAD$/],
          ['DELETE', `/api/guesses/${Q}`, /^GET, HEAD$/],
          ['POST', '/api/health', /^GET, HEAD$/],
          ['PUT', '/api/openapi.json', /^GET, HEAD$/],
        ];
        for (const [method, path, allow] of cases) {
          const res = await app.request(path, { method, body: method === 'GET' ? undefined : ok(50), headers: { 'content-type': 'application/json' } });
          expect(res.status, `${method} ${path}`).toBe(405);
          expect(res.headers.get('allow')).toMatch(allow);
          expect(((await res.json()) as { error: string }).error).toMatch(new RegExp(`^method: ${method} `));
        }
        expect(await rows(db)).toBe(0);
      });

      it('answers a CORS preflight (any origin may send a guess: no cookies, no credentials)', async () => {
        const res = await app.request('/api/guesses', {
          method: 'OPTIONS',
          headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
        expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      });

      it('every API answer is no-store and sets no cookie', async () => {
        const answers = [await postGuess(app, 5), await postGuess(app, 500), await app.request(`/api/guesses/${Q}`), await app.request('/api/nothing'), await app.request('/api/health')];
        for (const res of answers) {
          expect(res.headers.get('cache-control')).toBe('no-store');
          expect(res.headers.get('set-cookie')).toBeNull();
        }
      });
    });

    describe('privacy by construction', () => {
      it('the guesses table has exactly the columns question, value and hour', async () => {
        const cols = await db.query<{ column_name: string; data_type: string }>(
          "select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = 'guesses' order by column_name",
        );
        expect(cols).toEqual([
          { column_name: 'hour', data_type: 'timestamp with time zone' },
          { column_name: 'question', data_type: 'text' },
          { column_name: 'value', data_type: 'double precision' },
        ]);
      });

      it('a guess is stored with its hour only, not its minute', async () => {
        await postGuess(app, 5);
        const [row] = await db.query<{ m: number; s: number }>('select extract(minute from hour)::int as m, extract(second from hour)::int as s from guesses');
        expect(row).toEqual({ m: 0, s: 0 });
      });

      it('the table itself refuses a value outside 0–100', async () => {
        await expect(db.query('insert into guesses (question, value) values ($1, $2)', [Q, 101])).rejects.toThrow();
        await expect(db.query("insert into guesses (question, value) values ($1, 'NaN'::float8)", [Q])).rejects.toThrow();
        expect(await rows(db)).toBe(0);
      });

      it('logs nothing for requests, good or bad', async () => {
        const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
        try {
          await postGuess(app, 61.2345, Q, { 'x-forwarded-for': '203.0.113.9' });
          await postGuess(app, 161.2345);
          await post(app, '{');
          await app.request(`/api/guesses/${Q}`);
          await app.request('/api/nothing');
          for (const spy of spies) expect(spy).not.toHaveBeenCalled();
        } finally {
          spies.forEach((s) => s.mockRestore());
        }
      });
    });

    describe('rate limit (in memory, per address)', () => {
      const byHeader = (c: { req: { header(name: string): string | undefined } }) => c.req.header('x-test-client') ?? 'nobody';

      it('answers 429 with Retry-After past the limit, stores nothing, while another address still passes', async () => {
        const limited = createApp({ db, rateLimit: { postsPerMinute: 3, getsPerMinute: 4 }, clientAddress: byHeader });
        const a = { 'x-test-client': '198.51.100.1' };
        const b = { 'x-test-client': '198.51.100.2' };
        for (let i = 0; i < 3; i++) expect((await postGuess(limited, 50, Q, a)).status).toBe(201);
        const res = await postGuess(limited, 50, Q, a);
        expect(res.status).toBe(429);
        const wait = Number(res.headers.get('retry-after'));
        expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
        expect(await res.json()).toEqual({ error: `too many guesses: try again in ${wait} s` });
        expect(await rows(db)).toBe(3);
        expect((await postGuess(limited, 50, Q, b)).status).toBe(201);
        expect(await rows(db)).toBe(4);

        // Reads have their own, higher limit.
        for (let i = 0; i < 4; i++) expect((await limited.request(`/api/guesses/${Q}`, { headers: a })).status).toBe(200);
        const read = await limited.request(`/api/guesses/${Q}`, { headers: a });
        expect(read.status).toBe(429);
        expect(Number(read.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect((await limited.request(`/api/guesses/${Q}`, { headers: b })).status).toBe(200);
      });

      it('by default: 30 guesses a minute from one address, keyed by its connection', async () => {
        const plain = createApp({ db });
        const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } });
        const send = (address: string) =>
          plain.request('/api/guesses', { method: 'POST', body: ok(50), headers: { 'content-type': 'application/json' } }, from(address));
        for (let i = 0; i < 30; i++) expect((await send('192.0.2.1')).status).toBe(201);
        expect((await send('192.0.2.1')).status).toBe(429);
        expect((await send('192.0.2.2')).status).toBe(201);
        expect(await rows(db)).toBe(31);
      });

      it('behind a proxy, by the last X-Forwarded-For hop: a client cannot dodge it with hops of its own', async () => {
        const proxied = createApp({ db, rateLimit: { postsPerMinute: 2, getsPerMinute: 10 }, clientAddress: forwardedAddress });
        const via = (first: string) => ({ 'x-forwarded-for': `${first}, 192.0.2.7` });
        expect((await postGuess(proxied, 1, Q, via('10.0.0.1'))).status).toBe(201);
        expect((await postGuess(proxied, 1, Q, via('10.0.0.2'))).status).toBe(201);
        expect((await postGuess(proxied, 1, Q, via('10.0.0.3'))).status).toBe(429);
        expect((await postGuess(proxied, 1, Q, { 'x-forwarded-for': '192.0.2.8' })).status).toBe(201);
      });
    });

    describe('/api/openapi.json', () => {
      let doc: Record<string, any>;
      beforeAll(async () => {
        const res = await app.request('/api/openapi.json');
        expect(res.status).toBe(200);
        doc = (await res.json()) as Record<string, any>;
      });

      it('is an OpenAPI 3.0 document with both paths, health and the error schema', () => {
        const ajv = new Ajv({ strict: false, allErrors: true });
        const valid = ajv.validate(OPENAPI_DOC, doc);
        expect(ajv.errors ?? [], ajv.errorsText()).toEqual([]);
        expect(valid).toBe(true);
        // Class mode's /api/rooms paths are rooms-suite.ts's to check.
        expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/rooms/') && p !== '/api/rooms').sort()).toEqual(['/api/guesses', '/api/guesses/{question}', '/api/health']);
        expect(doc.paths['/api/guesses'].post.requestBody.content['application/json'].schema).toBeDefined();
        expect(doc.paths['/api/guesses/{question}'].get.parameters[0]).toMatchObject({ name: 'question', in: 'path', required: true });
        expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'], properties: { error: { type: 'string' } } });
        for (const status of ['400', '413', '415', '429']) {
          expect(doc.paths['/api/guesses'].post.responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
        }
        expect(doc.paths['/api/guesses/{question}'].get.responses['404'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      });

      /** An Ajv with every component schema, so that $refs resolve. */
      const compile = (ref: unknown) => {
        const ajv = new Ajv({ strict: false });
        ajv.addSchema({ $id: 'doc', components: doc.components } as AnySchema);
        return ajv.compile({ $ref: `doc${(ref as { $ref: string }).$ref}` } as AnySchema);
      };

      it('its POST schema refuses what the server refuses and takes what it takes', async () => {
        const check = compile(doc.paths['/api/guesses'].post.requestBody.content['application/json'].schema);
        for (const id of QUESTION_IDS) for (const value of [0, 50.5, 100]) expect(check({ question: id, value })).toBe(true);
        let parsed = 0;
        for (const bad of BAD.filter((b) => b.status === 400)) {
          let body: unknown;
          try {
            body = JSON.parse(bad.body);
          } catch {
            continue; // not JSON at all: no schema can take it
          }
          parsed++;
          expect(check(body), bad.what).toBe(false);
        }
        expect(parsed).toBeGreaterThanOrEqual(12);
      });

      it('the answers of the server fit the schemas it publishes', async () => {
        for (let i = 0; i < 20; i++) await postGuess(app, i * 5);
        const summary = compile(doc.paths['/api/guesses/{question}'].get.responses['200'].content['application/json'].schema);
        const error = compile({ $ref: '#/components/schemas/Error' });
        const stored = compile(doc.paths['/api/guesses'].post.responses['201'].content['application/json'].schema);
        expect(summary(await (await app.request(`/api/guesses/${Q}`)).json())).toBe(true);
        expect(summary(await (await app.request(`/api/guesses/${OTHER}`)).json())).toBe(true);
        expect(stored(await (await postGuess(app, 1)).json())).toBe(true);
        expect(error(await (await postGuess(app, 101)).json())).toBe(true);
        expect(summary({ question: Q, count: 1, bins: null, median: null, published: null })).toBe(true);
        expect(summary({ question: Q, count: '1', bins: null, median: null, published: null })).toBe(false);
      });
    });

    describe('when the database fails', () => {
      it('answers 503 JSON, logs the error message alone, and never a value or an address', async () => {
        const broken = await open();
        const failing = createApp({ db: broken, rateLimit: false, clientAddress: () => '203.0.113.77' });
        await broken.close();
        const logged: string[] = [];
        const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
        try {
          const answers = [await postGuess(failing, 73.2468), await failing.request(`/api/guesses/${Q}`), await failing.request('/api/health')];
          for (const res of answers) {
            expect(res.status).toBe(503);
            expect(await res.json()).toEqual({ error: UNAVAILABLE });
          }
          expect(logged.length).toBeGreaterThan(0);
          for (const line of logged) {
            expect(line).not.toMatch(/73\.2468|203\.0\.113\.77/);
            expect(line).toMatch(/^guess service: /);
          }
          // Validation still answers first: a bad guess is a 400, not a 503.
          expect((await postGuess(failing, 101)).status).toBe(400);
        } finally {
          spy.mockRestore();
        }
      });
    });
  });
}
