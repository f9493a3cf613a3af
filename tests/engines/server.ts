/**
 * dist/ served for the engine tests, as a static host would serve it, with one addition: every
 * HTML page gets, first in its head, a script of the test's (/__probe.js, same origin, so the page's
 * own policy allows it) that records page errors, failed resources, console errors and Content
 * Security Policy violations from before any script of the page's runs. Only WebDriver BiDi and
 * CDP can add a script before a page's own; classic WebDriver (WebKitWebDriver) cannot, so the
 * probe goes in the page, the same way in every engine.
 *
 * Under /api/, the guess service itself (src/server/app.ts, in this process, on PGlite in a fresh
 * folder): `npm test` builds dist/ with GUESS_API=/api/, so each engine sends a real guess and
 * draws how readers guessed.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../src/server/app';
import { openDb, type Db } from '../../src/server/db';

const DIST = resolve('dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
};

/** Runs first on every page: window.__probe holds what went wrong, in order. */
export const PROBE = `(function () {
  var p = (window.__probe = { errors: [], csp: [] });
  addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && t.tagName) p.errors.push('failed to load ' + t.tagName.toLowerCase() + ' ' + (t.src || t.href || ''));
    else p.errors.push('error: ' + e.message + ' at ' + e.filename + ':' + e.lineno);
  }, true);
  addEventListener('unhandledrejection', function (e) {
    p.errors.push('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    p.csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
  var log = console.error;
  console.error = function () {
    p.errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return log.apply(console, arguments);
  };
})();`;

const PROBE_TAG = '<script src="/__probe.js"></script>';

/** The file a path names: /x/ is x/index.html; nothing outside dist/. */
function fileFor(pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(DIST)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
  return null;
}

/** The guess service's API, in this process; `close` also closes its database and removes its folder. */
async function guessService(): Promise<{ listener: ReturnType<typeof getRequestListener>; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-guesses-'));
  const db: Db = await openDb({ dataDir: dir });
  return {
    listener: getRequestListener(createApp({ db }).fetch),
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function serveDist(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: build the site first (npm run build)');
  const api = await guessService();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      void api.listener(req, res);
      return;
    }
    if (url.pathname === '/__probe.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' }).end(PROBE);
      return;
    }
    const file = fileFor(url.pathname);
    const status = file ? 200 : 404;
    const served = file ?? join(DIST, '404.html');
    const type = TYPES[extname(served)] ?? 'application/octet-stream';
    let body: Buffer | string = readFileSync(served);
    if (type.startsWith('text/html')) {
      const html = body.toString('utf8');
      const at = html.indexOf('<meta charset="utf-8">');
      if (at < 0) throw new Error(`${served}: no <meta charset="utf-8"> to put the probe after`);
      const end = at + '<meta charset="utf-8">'.length;
      body = html.slice(0, end) + PROBE_TAG + html.slice(end);
    }
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  server.on('close', () => void api.close());
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      done({ server, origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    }),
  );
}
