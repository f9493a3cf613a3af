/**
 * nginx in front of the guess service, as the README's deploy guide sets it up: dist/ built with
 * GUESS_API=/api/ (as `npm test` builds it), the include's `location /api/` proxying to the service
 * (TRUST_PROXY=1) through the upstream serve-nginx defines from GUESS_SERVICE. Plain HTTP, no
 * browser: the API through nginx, the address nginx gives the service (a client cannot forge it to
 * dodge the rate limit), nginx's own refusals as the service's JSON, and the service gone.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { configApi } from '../../src/lib/nginx';
import { freePort } from '../server/postgres';
import { startService, type Service } from '../service/service';
import { DIST } from './server';
import { startNginx, stopNginx } from './serve';

const API = configApi(readFileSync(`${DIST}/_nginx/site.conf`, 'utf8'));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** One request with exactly these headers; the answer's body read as JSON. */
function send(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = { notJson: text.slice(0, 200) };
        }
        ok({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  send(url, 'POST', { 'content-type': 'application/json', ...headers }, body);

test.describe('nginx proxies the guess service', () => {
  test.describe.configure({ mode: 'serial' });
  let service: Service;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let api = '';

  test.beforeAll(async () => {
    expect(API, 'dist/ was built without GUESS_API: `npm test` builds it with GUESS_API=/api/').toBe('/api/');
    service = await startService({ TRUST_PROXY: '1' });
    const port = await freePort();
    nginx = await startNginx(port, DIST, { GUESS_SERVICE: new URL(service.origin).host });
    api = `${nginx.origin}${API}`;
  });
  test.afterAll(async () => {
    await stopNginx(nginx.child);
    await service?.stop();
  });

  test('a guess goes through and is counted; errors stay the service’s JSON', async () => {
    const created = await post(`${api}guesses`, '{"question": "trust-top", "value": 42}');
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ question: 'trust-top', value: 42 });
    const summary = await send(`${api}guesses/trust-top`, 'GET');
    expect(summary.status).toBe(200);
    expect(summary.json).toMatchObject({ question: 'trust-top', count: 1, bins: null, median: null });
    expect(summary.headers['cache-control']).toBe('no-store');
    const unknown = await send(`${api}guesses/no-such-question`, 'GET');
    expect(unknown.status).toBe(404);
    expect((unknown.json as { error: string }).error).toMatch(/^question: /);
    // The site's own 404 page is not what an API path answers.
    const nowhere = await send(`${api}nowhere`, 'GET');
    expect(nowhere.status).toBe(404);
    expect(nowhere.json).toHaveProperty('error');
  });

  test('a body over 1 KB is refused by nginx with the service’s JSON error, and nothing is stored', async () => {
    const before = ((await send(`${api}guesses/politeness-all`, 'GET')).json as { count: number }).count;
    const big = JSON.stringify({ question: 'politeness-all', value: 50, pad: 'x'.repeat(3000) });
    const refused = await post(`${api}guesses`, big);
    expect(refused.status).toBe(413);
    expect(refused.json).toEqual({ error: 'body: over 1024 bytes' });
    expect(((await send(`${api}guesses/politeness-all`, 'GET')).json as { count: number }).count).toBe(before);
  });

  test('the rate limit holds per reader: a forged X-Forwarded-For is replaced by nginx, not believed', async () => {
    let limited: Answer | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      // Each request claims another address; nginx sets the header to the real one.
      const answer = await post(`${api}guesses`, JSON.stringify({ question: 'career-freelancers', value: i }), { 'x-forwarded-for': `203.0.113.${i}` });
      if (answer.status === 429) limited = answer;
      else expect(answer.status).toBe(201);
    }
    expect(limited, 'no 429 within 40 guesses').toBeDefined();
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect((limited!.json as { error: string }).error).toMatch(/^too many guesses/);
  });

  test('class mode through nginx: the event stream is not buffered, each change arrives as it happens', async () => {
    const room = await post(`${api}rooms`, '{}');
    expect(room.status).toBe(201);
    const { code, key } = room.json as { code: string; key: string };
    const events: string[] = [];
    let wake = () => {};
    const req = httpRequest(`${api}rooms/${code}/events`, { headers: { accept: 'text/event-stream' } });
    const response = new Promise<Record<string, string | string[] | undefined>>((ok, fail) => {
      req.on('response', (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          // One event per blank line: keep the data of each `state` event.
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event: state$/m.test(block)) events.push(/^data: (.*)$/m.exec(block)![1]!);
            wake();
          }
        });
        ok(res.headers);
      });
      req.on('error', fail);
    });
    req.end();
    /** Resolves once `n` state events have arrived: the stream's own pace, no timer. */
    const arrived = (n: number) =>
      new Promise<void>((ok) => {
        wake = () => events.length >= n && ok();
        wake();
      });
    const headers = await response;
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    await arrived(1);
    expect(JSON.parse(events[0]!)).toMatchObject({ code, question: null, answers: 0 });
    const put = await send(`${api}rooms/${code}/question`, 'PUT', { 'content-type': 'application/json', authorization: `Bearer ${key}` }, '{"question": "trust-top"}');
    expect(put.status).toBe(200);
    await arrived(2);
    const answer = await post(`${api}rooms/${code}/answers`, JSON.stringify({ device: 'd'.repeat(22), question: 'trust-top', value: 30 }));
    expect(answer.status).toBe(201);
    await arrived(3);
    expect(JSON.parse(events.at(-1)!)).toMatchObject({ question: 'trust-top', answers: 1, revealed: false, bins: null });
    req.destroy();
  });

  test('with the service gone, nginx answers the service’s own JSON 503', async () => {
    await service.stop();
    const down = await post(`${api}guesses`, '{"question": "trust-top", "value": 42}');
    expect(down.status).toBe(503);
    expect(down.json).toEqual({ error: 'guesses are not available right now' });
    expect(down.headers['cache-control']).toBe('no-store');
    // The site itself is still served.
    expect((await send(`${nginx.origin}/`, 'GET')).status).toBe(200);
  });
});
