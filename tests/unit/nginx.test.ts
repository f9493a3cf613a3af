/**
 * The nginx include made from the _headers rules (src/lib/nginx.ts). A small model of nginx's
 * location choice (exact, then the longest ^~ prefix, then a nested regex) checks that every path
 * gets the headers _headers gives it, complete in one location; the real server is tested in
 * tests/nginx/.
 */
import { describe, expect, test } from 'vitest';
import { headersFor, parseHeaders, rebase, withPagePolicies, type HeaderRule } from '../../src/lib/headers';
import { configApi, configBase, IMMUTABLE, nginxConfig, REVALIDATE, UPSTREAM } from '../../src/lib/nginx';
import { HEARTBEAT_MS } from '../../src/server/room-events';

const SOURCE = `/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
/
  Content-Security-Policy: frame-ancestors 'self'
  X-Frame-Options: SAMEORIGIN
/data/*
  Content-Security-Policy: frame-ancestors 'self'
  X-Frame-Options: SAMEORIGIN
/404.html
  Content-Security-Policy: frame-ancestors 'self'
  X-Frame-Options: SAMEORIGIN
/embed/*
  Content-Security-Policy: frame-ancestors 'self' http: https:
  Access-Control-Allow-Origin: *
/changes.xml
  Content-Type: application/atom+xml; charset=utf-8
/sitemap*
  Content-Type: application/xml; charset=utf-8
/robots.txt
  Content-Type: text/plain; charset=utf-8
`;
const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
const PAGES = ['/', '/data/', '/404.html', '/embed/a/'].map((path) => ({ path, policy: POLICY }));
const built = (base: string) => parseHeaders(rebase(withPagePolicies(SOURCE, PAGES), base));

interface Loc {
  match: string;
  headers: [string, string][];
  type?: string;
  nested: Loc[];
  body: string[];
}

/** Parses the include's locations (one level of nesting) and any directive outside them. */
function parse(conf: string): { top: string[]; locations: Loc[] } {
  const top: string[] = [];
  const stack: Loc[] = [];
  const locations: Loc[] = [];
  let inTypes = 0;
  for (const raw of conf.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (/^types \{\s*\}$/.test(line)) continue;
    if (line === 'types {') inTypes = 1;
    else if (inTypes && line === '}') inTypes = 0;
    else if (inTypes) continue;
    else if (line.startsWith('location ')) {
      const loc: Loc = { match: line.slice(9, -2), headers: [], nested: [], body: [] };
      (stack.length ? stack.at(-1)!.nested : locations).push(loc);
      stack.push(loc);
    } else if (line === '}') stack.pop();
    else if (stack.length) {
      const loc = stack.at(-1)!;
      const h = /^add_header (\S+) "([^"]*)" always;$/.exec(line);
      const t = /^default_type "([^"]*)";$/.exec(line);
      if (h) loc.headers.push([h[1]!, h[2]!]);
      else if (t) loc.type = t[1];
      else loc.body.push(line);
    } else top.push(line);
  }
  return { top, locations };
}

/** nginx's choice for a URI: an exact match; else the longest ^~ prefix, then its first matching nested regex. */
function choose(locations: Loc[], uri: string): Loc | undefined {
  const exact = locations.find((l) => l.match === `= ${uri}`);
  if (exact) return exact;
  const prefix = locations
    .filter((l) => l.match.startsWith('^~ ') && uri.startsWith(l.match.slice(3)))
    .sort((a, b) => b.match.length - a.match.length)[0];
  return prefix?.nested.find((n) => new RegExp(n.match.replace(/^~ /, '')).test(uri)) ?? prefix;
}

const URIS = ['/', '/index.html', '/data/', '/data/index.html', '/data/figures.csv', '/404.html', '/embed/a/', '/embed/a/index.html', '/changes.xml', '/_astro/x.1a2b.js', '/_astro/f.Xy.woff2', '/images/a.png', '/robots.txt', '/sitemap-index.xml', '/sitemap-0.xml', '/no-such-page/'];

describe('nginx include', () => {
  for (const base of ['/', '/sub/']) {
    test(`under ${base}: every path gets the headers _headers gives it, from one location, plus its cache policy`, () => {
      const rules = built(base);
      const { locations } = parse(nginxConfig({ rules, base }));
      for (const uri of URIS.map((u) => base + u.slice(1))) {
        const loc = choose(locations, uri);
        expect(loc, uri).toBeDefined();
        const want = headersFor(rules, uri).filter(([k]) => k !== 'Content-Type');
        // Every file in _astro/ is named by its content, the subset fonts too: a year, immutable.
        const cache = uri.startsWith(`${base}_astro/`) ? IMMUTABLE : REVALIDATE;
        expect(loc!.headers, uri).toEqual([...want, ['Cache-Control', cache]]);
        expect(loc!.body, uri).toEqual(['try_files $uri $uri/ =404;']);
      }
      // The charset comes from `charset utf-8` for the text types, not from the type itself.
      expect(choose(locations, `${base}changes.xml`)!.type).toBe('application/atom+xml');
      expect(choose(locations, `${base}sitemap-0.xml`)!.type).toBe('application/xml');
      expect(choose(locations, `${base}robots.txt`)!.type).toBe('text/plain');
    });
  }

  test("each page's exact locations carry its own policy and its frame-ancestors", () => {
    const { locations } = parse(nginxConfig({ rules: built('/'), base: '/' }));
    const csp = (uri: string) => choose(locations, uri)!.headers.filter(([k]) => k === 'Content-Security-Policy').map(([, v]) => v);
    expect(csp('/')).toEqual([`${POLICY}; frame-ancestors 'self'`]);
    expect(csp('/index.html')).toEqual([`${POLICY}; frame-ancestors 'self'`]);
    expect(csp('/embed/a/')).toEqual([`${POLICY}; frame-ancestors 'self' http: https:`]);
    expect(csp('/embed/a/index.html')).toEqual([`${POLICY}; frame-ancestors 'self' http: https:`]);
    expect(locations.map((l) => l.match)).toEqual(expect.arrayContaining(['= /', '= /index.html', '= /data/', '= /data/index.html', '= /embed/a/']));
  });

  test('no header is added outside a location (nginx would drop it wherever a location adds one)', () => {
    const { top } = parse(nginxConfig({ rules: built('/'), base: '/' }));
    expect(top.filter((l) => l.startsWith('add_header'))).toEqual([]);
    expect(top).toEqual(expect.arrayContaining(['gzip on;', 'gzip_static on;', 'gzip_vary on;', 'index index.html;', 'charset utf-8;', 'error_page 404 /404.html;']));
  });

  test('under a base: the 404 page, the index and every location stay under it; the build files are not served', () => {
    const conf = nginxConfig({ rules: built('/sub/'), base: '/sub/' });
    const { top, locations } = parse(conf);
    expect(top).toContain('error_page 404 /sub/404.html;');
    for (const l of locations) expect(l.match, l.match).toMatch(/^(=|\^~) \/sub\//);
    expect(choose(locations, '/sub/_nginx/site.conf')!.body).toEqual(['return 404;']);
    expect(choose(locations, '/sub/_headers')!.body).toEqual(['return 404;']);
    expect(configBase(conf)).toBe('/sub/');
  });

  test('types: csv, json, svg, xml, woff2, zip, txt, png', () => {
    const conf = nginxConfig({ rules: built('/'), base: '/' });
    for (const line of ['text/csv csv;', 'application/json json;', 'image/svg+xml svg;', 'application/xml xml;', 'font/woff2 woff2;', 'application/zip zip;', 'text/plain txt;', 'image/png png;']) {
      expect(conf).toContain(`    ${line}`);
    }
    expect(conf).toMatch(/^charset_types .*\btext\/csv\b.*$/m);
  });

  test('the same rules give the same bytes', () => {
    expect(nginxConfig({ rules: built('/'), base: '/' })).toBe(nginxConfig({ rules: built('/'), base: '/' }));
  });
});

describe('nginx include: input nginx cannot take stops the build, naming the path and header', () => {
  const withHeader = (path: string, name: string, value: string): HeaderRule[] => [...built('/'), { path, headers: [[name, value]] }];
  test.each([
    ['a double quote', '"', /double quote/],
    ['a newline', 'x\nadd_header X-Evil y', /control character U\+000a/],
    ['a backslash', 'a\\', /backslash/],
    ['a dollar sign', "script-src 'self' $http_host", /nginx would read a variable/],
  ])('a header value with %s', (_, value, reason) => {
    expect(() => nginxConfig({ rules: withHeader('/data/', 'Content-Security-Policy', value), base: '/' })).toThrow(
      new RegExp(`/data/, header "Content-Security-Policy": the value holds .*${reason.source}`),
    );
  });
  test("a page's own policy with a quote in it", () => {
    const bad = parseHeaders(withPagePolicies(SOURCE, [{ path: '/', policy: `default-src 'self' "x"` }]));
    expect(() => nginxConfig({ rules: bad, base: '/' })).toThrow(/^nginx config: \/, header "Content-Security-Policy": the value holds a double quote/);
  });
  test('a semicolon inside a value is kept (it is quoted): CSP needs it', () => {
    expect(nginxConfig({ rules: built('/'), base: '/' })).toContain(`add_header Content-Security-Policy "${POLICY}; frame-ancestors 'self'" always;`);
  });
  test('a rule path nginx cannot take, a path outside the base, Cache-Control in _headers, a bad base', () => {
    expect(() => nginxConfig({ rules: [{ path: '/a b/', headers: [] }], base: '/' })).toThrow(/rule path "\/a b\/" is not a plain path/);
    expect(() => nginxConfig({ rules: [{ path: '/*.js', headers: [] }], base: '/' })).toThrow(/rule path "\/\*\.js"/);
    expect(() => nginxConfig({ rules: [{ path: '/x/', headers: [] }], base: '/sub/' })).toThrow(/"\/x\/" is outside the base \/sub\//);
    expect(() => nginxConfig({ rules: [{ path: '/x/', headers: [['Cache-Control', 'max-age=1']] }], base: '/' })).toThrow(/\/x\/, header "Cache-Control"/);
    expect(() => nginxConfig({ rules: [], base: '/a;b/' })).toThrow(/base "\/a;b\/"/);
  });
});

describe('nginx include: the guess service (a build with GUESS_API=/api/)', () => {
  for (const base of ['/', '/sub/']) {
    test(`under ${base}: /api/ is proxied to the service with the reader's address set, no access log, a 1 KB body limit`, () => {
      const conf = nginxConfig({ rules: built(base), base, api: '/api/' });
      const { locations } = parse(conf);
      const loc = choose(locations, '/api/guesses/trust-top');
      expect(loc?.match).toBe('^~ /api/');
      expect(loc!.body).toContain(`proxy_pass http://${UPSTREAM};`);
      // Set, not appended to what the client sent: the service's rate limit trusts its last hop.
      expect(loc!.body).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
      expect(loc!.body).toContain('access_log off;');
      expect(loc!.body).toContain('client_max_body_size 1k;');
      expect(loc!.body).toContain('error_page 502 503 504 = @guess_service_down;');
      // Class mode's event streams: the read timeout is well above their heartbeat (the service
      // sends X-Accel-Buffering: no itself, so nginx passes each event on at once).
      const timeout = loc!.body.map((l) => /^proxy_read_timeout (\d+)s;$/.exec(l)?.[1]).find(Boolean);
      expect(Number(timeout) * 1000).toBeGreaterThanOrEqual(4 * HEARTBEAT_MS);
      expect(loc!.body).not.toContain('proxy_buffering on;');
      const down = locations.find((l) => l.match === '@guess_service_down')!;
      expect(down.body.join('\n')).toContain(`return 503 '{"error": "guesses are not available right now"}';`);
      expect(configApi(conf)).toBe('/api/');
      // The site's own paths keep their locations.
      expect(choose(locations, `${base}data/`)!.body).toEqual(['try_files $uri $uri/ =404;']);
    });
  }

  test('without it: no proxy, no upstream named, no api line', () => {
    const conf = nginxConfig({ rules: built('/'), base: '/' });
    expect(conf).not.toContain('proxy_pass');
    expect(conf).not.toContain(UPSTREAM);
    expect(configApi(conf)).toBeNull();
  });

  test('a path nginx cannot proxy stops the build, naming GUESS_API', () => {
    for (const api of ['/api', 'api/', '/a b/', '/api/;x/']) {
      expect(() => nginxConfig({ rules: built('/'), base: '/', api }), api).toThrow(/GUESS_API ".*" must be a path like "\/api\/"/);
    }
  });
});
