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
