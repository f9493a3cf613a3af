/**
 * The built site as the service serves it (DIST_DIR), against a tiny fixture dist/: the headers of
 * its _headers, the cache policy, types, gzip, 304s, the folder index, the 404 page, and nothing
 * outside the folder, in-process and over a real socket (raw paths the URL parser would tidy up).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeaders, rebase } from '../../src/lib/headers';
import { IMMUTABLE, REVALIDATE } from '../../src/lib/nginx';
import { createApp } from '../../src/server/app';
import { openDb, type Db } from '../../src/server/db';
import { acceptsGzip } from '../../src/server/static';

const DIST = 'tests/fixtures/server-dist';
const rules = parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8'));
const file = (name: string) => readFileSync(join(DIST, name));

let db: Db;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory://' });
  app = createApp({ db, rateLimit: false, dist: DIST });
});
afterAll(() => db?.close());

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

/** Every header _headers gives `urlPath` is in the response, with its value. */
function expectRuleHeaders(res: Response, urlPath: string) {
  const expected = headersFor(rules, urlPath).filter(([name]) => name.toLowerCase() !== 'content-type');
  expect(expected.length).toBeGreaterThan(0);
  for (const [name, value] of expected) expect(res.headers.get(name), `${urlPath}: ${name}`).toBe(value);
}

describe('static site (DIST_DIR)', () => {
  it('serves the home page with the headers of _headers, revalidated, as HTML in UTF-8', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(REVALIDATE);
    expectRuleHeaders(res, '/index.html');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'self'");
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(file('index.html'));
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('sends the precompressed .gz copy to a client that accepts gzip', async () => {
    const res = await get('/index.html', { 'accept-encoding': 'br, gzip;q=0.8' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body).toEqual(file('index.html.gz'));
    expect(gunzipSync(body)).toEqual(file('index.html'));
    expect(Number(res.headers.get('content-length'))).toBe(file('index.html.gz').length);
    expect((await get('/', { 'accept-encoding': 'gzip;q=0' })).headers.get('content-encoding')).toBeNull();
  });

  it('reads Accept-Encoding as nginx does', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since', async () => {
    const first = await get('/');
    const etag = first.headers.get('etag')!;
    const modified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Date(modified).getTime()).toBe(Math.floor(statSync(join(DIST, 'index.html')).mtimeMs / 1000) * 1000);
    const byTag = await get('/', { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    expect(byTag.headers.get('cache-control')).toBe(REVALIDATE);
    expect((await get('/', { 'if-modified-since': modified })).status).toBe(304);
    expect((await get('/', { 'if-none-match': '"other"' })).status).toBe(200);
    expect((await get('/', { 'if-modified-since': new Date(0).toUTCString() })).status).toBe(200);
  });

  it('serves a folder by its index.html, and redirects a folder asked without its slash', async () => {
    const res = await get('/data/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(file('data/index.html').toString());
    expectRuleHeaders(res, '/data/index.html');
    const redirect = await get('/data?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/data/?x=1');
  });

  it('hashed _astro/ files are immutable; other files are revalidated; types as the nginx include', async () => {
    const js = await get('/_astro/app.Ab12Cd34.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const csv = await get('/data/figures.csv');
    expect(csv.headers.get('cache-control')).toBe(REVALIDATE);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // A Content-Type of _headers wins, once.
    const robots = await get('/robots.txt');
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(file('index.html').length));
    expect(await res.text()).toBe('');
  });

  it("answers an unknown path with the site's 404 page, status 404, and its headers", async () => {
    for (const path of ['/nope', '/nope/', '/data/nope.csv', '/index.html/x']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe(file('404.html').toString());
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe(REVALIDATE);
      expectRuleHeaders(res, '/404.html');
    }
  });

  it("never serves the build's files for servers", async () => {
    for (const path of ['/_headers', '/_nginx/site.conf', '/_nginx/', '/_nginx']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe(file('404.html').toString());
    }
  });

  it('never serves a file outside the folder', async () => {
    const paths = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2f..%2fpackage.json',
      '/data/..%2f..%2f..%2f..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5c..%5cpackage.json',
      '/%00../package.json',
      '/%E0%A4%A',
    ];
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body, path).not.toContain('"name": "tools-to-teammates"');
    }
  });

  it('only GET and HEAD: other methods are 405 with Allow', async () => {
    const res = await app.request('/', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('the API still answers under /api/ beside the site', async () => {
    expect((await get('/api/health')).status).toBe(200);
    const res = await get('/api/nothing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('without dist, a path outside /api/ is a JSON 404, not a file', async () => {
    const bare = createApp({ db, rateLimit: false });
    const res = await bare.request('/');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'path: not found' });
  });

  describe('over a socket, with raw request paths', () => {
    let server: ServerType;
    let port: number;
    beforeAll(async () => {
      await new Promise<void>((ready) => {
        server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
          port = info.port;
          ready();
        });
      });
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });

    it('refuses to climb out of the folder', async () => {
      for (const path of ['/../package.json', '/../../../package.json', '/data/../../../../package.json', '/%2e%2e/%2e%2e/%2e%2e/package.json', '/..%2f..%2f..%2fpackage.json', '/.%2e/.%2e/.%2e/package.json']) {
        const { status, body } = await raw(path);
        expect(status, path).not.toBe(200);
        expect(body, path).not.toContain('"name": "tools-to-teammates"');
      }
    });

    it('serves the site and the API', async () => {
      expect((await raw('/')).body).toBe(file('index.html').toString());
      expect(JSON.parse((await raw('/api/health')).body)).toEqual({ ok: true });
    });
  });

  describe('a build under BASE_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'site-'));
    let based: ReturnType<typeof createApp>;
    beforeAll(() => {
      cpSync(DIST, dir, { recursive: true });
      writeFileSync(join(dir, '_headers'), rebase(readFileSync(join(DIST, '_headers'), 'utf8'), '/sub/'));
      writeFileSync(join(dir, '_nginx', 'site.conf'), '# base: /sub/\n');
      based = createApp({ db, rateLimit: false, dist: dir });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('serves the site under its base, with the rebased headers, and nothing outside it', async () => {
      const res = await based.request('/sub/');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'self'");
      expect((await based.request('/sub/_astro/app.Ab12Cd34.js')).headers.get('cache-control')).toBe(IMMUTABLE);
      expect((await based.request('/_astro/app.Ab12Cd34.js')).status).toBe(404);
      const outside = await based.request('/');
      expect(outside.status).toBe(404);
      expect(await outside.text()).toBe(file('404.html').toString());
      const bare = await based.request('/sub');
      expect(bare.status).toBe(301);
      expect(bare.headers.get('location')).toBe('/sub/');
      expect((await based.request('/sub/_headers')).status).toBe(404);
    });
  });
});
