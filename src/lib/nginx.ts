/**
 * The nginx side of the header policy: from the rules of the built `_headers` (each page's own
 * Content-Security-Policy already in, every path already under the deploy base) it writes a
 * server-block include that sends the same headers for every path, plus a cache policy,
 * compression, types, the directory index and the site's 404 page. A pure function: the build
 * (integrations/headers.ts) writes its result to dist/_nginx/site.conf, the tests read it.
 *
 * nginx takes the headers of one location only, and a location with its own `add_header` drops
 * every `add_header` of the levels above. So no header is set at server level: each location gets
 * the complete set that `_headers` gives its paths (hosts that read `_headers` combine every
 * matching rule), with `always`, so that error responses (the 404 page) carry them too.
 */
import type { HeaderRule } from './headers';

/**
 * Hashed build output (`_astro/`): the name changes whenever the content does. That holds for the
 * subset web fonts too, which the build names by a hash of their own bytes
 * (integrations/font-subset.ts).
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else has a fixed name (pages, data, feed, images, zips): kept, revalidated on each use. */
export const REVALIDATE = 'no-cache';

/** Text types, sent with `charset=utf-8` and compressed (text/html always is, in nginx). */
export const TEXT_TYPES = [
  'text/css',
  'text/plain',
  'text/csv',
  'text/xml',
  'text/javascript',
  'application/javascript',
  'application/json',
  'application/manifest+json',
  'application/xml',
  'application/atom+xml',
  'image/svg+xml',
];
/** Types that go with `charset=utf-8` (JSON has no charset parameter: it is UTF-8 by definition). */
const CHARSET_TYPES = TEXT_TYPES.filter((t) => !/json$/.test(t));

/** File extension → type, for every kind of file the site builds (and a few it may). */
export const TYPES: Record<string, string> = {
  'text/html': 'html htm',
  'text/css': 'css',
  'text/javascript': 'js mjs',
  'application/json': 'json',
  'application/manifest+json': 'webmanifest',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'application/xml': 'xml',
  'image/svg+xml': 'svg',
  'image/png': 'png',
  'image/jpeg': 'jpg jpeg',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/x-icon': 'ico',
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'application/zip': 'zip',
  'application/pdf': 'pdf',
};

/** Files the build compresses ahead (`name.gz` beside `name`), for `gzip_static`. */
export const PRECOMPRESS = /\.(html|css|js|mjs|json|webmanifest|csv|txt|xml|svg)$/;

export interface NginxOptions {
  /** The rules of the built `_headers`: page policies in, paths under the base. */
  rules: HeaderRule[];
  /** The deploy base, as Astro's config has it: "/" or "/ai-at-work/". */
  base: string;
  /**
   * The guess service's path on this origin ("/api/", the build's GUESS_API when it is a path), or
   * null: with a path, the include proxies it to the upstream `guess_service` (src/server/).
   */
  api?: string | null;
}

/** The upstream the include proxies the guess service to; the server block's http { } defines it. */
export const UPSTREAM = 'guess_service';

/**
 * The guess service behind nginx: no access log for it (the service keeps no address, so nginx keeps
 * none either), a body limit as the service's own, the reader's address in X-Forwarded-For (set, not
 * appended: a client cannot put words in it) for the service's per-address rate limit
 * (TRUST_PROXY=1), and the service's own JSON errors for what nginx refuses itself: a body over 1 KB
 * (413) and a service that cannot be reached (503). A read timeout (60 s) above the event streams'
 * 15-second heartbeat, so that a room's live stream is not cut between two changes.
 */
function apiBlock(api: string): string[] {
  return [
    `# The guess service (src/server/), for a build with GUESS_API=${api}: the http { } block around`,
    `# this include defines \`upstream ${UPSTREAM} { server 127.0.0.1:4322; }\` (one line per process).`,
    `location ^~ ${api} {`,
    '    access_log off;',
    '    client_max_body_size 1k;',
    `    proxy_pass http://${UPSTREAM};`,
    '    proxy_http_version 1.1;',
    '    proxy_set_header Connection "";',
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Forwarded-For $remote_addr;',
    '    proxy_set_header X-Forwarded-Proto $scheme;',
    '    proxy_connect_timeout 2s;',
    // Class mode's event streams (/api/rooms/{code}/events) stay open: a comment every 15 s keeps
    // them inside this timeout, and the service's X-Accel-Buffering: no turns buffering off for them.
    '    proxy_read_timeout 60s;',
    '    error_page 413 = @guess_body_too_large;',
    '    error_page 502 503 504 = @guess_service_down;',
    '}',
    'location @guess_body_too_large {',
    '    access_log off;',
    '    default_type application/json;',
    '    add_header Cache-Control "no-store" always;',
    `    return 413 '{"error": "body: over 1024 bytes"}';`,
    '}',
    'location @guess_service_down {',
    '    access_log off;',
    '    default_type application/json;',
    '    add_header Cache-Control "no-store" always;',
    `    return 503 '{"error": "guesses are not available right now"}';`,
    '}',
  ];
}

/** A header value or path nginx would misread inside a double-quoted string, or not at all. */
const UNSAFE = /["\\$\x00-\x1f\x7f]/;
const describe = (ch: string) => (ch === '"' ? 'a double quote' : ch === '\\' ? 'a backslash' : ch === '$' ? 'a "$" (nginx would read a variable)' : `the control character U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

function checkValue(path: string, name: string, value: string) {
  const bad = UNSAFE.exec(value)?.[0];
  if (bad !== undefined) throw new Error(`nginx config: ${path}, header "${name}": the value holds ${describe(bad)}, which would break the nginx configuration`);
  if (!value.trim()) throw new Error(`nginx config: ${path}, header "${name}": empty value (nginx would send no header)`);
}

function checkPath(path: string) {
  if (!/^\/[A-Za-z0-9._~\-/]*\*?$/.test(path)) {
    throw new Error(
      `nginx config: rule path "${path}" is not a plain path or a "prefix*" pattern (only letters, digits, . _ ~ - / and one trailing *)`,
    );
  }
}

const quote = (s: string) => `"${s}"`;

interface Location {
  /** "= /data/" or "^~ /data/" */
  match: string;
  /** The paths whose headers it carries (for errors). */
  path: string;
  headers: [string, string][];
  contentType?: string;
  cache: string;
  body: string[];
}

function block(loc: Location, indent = ''): string[] {
  const i = `${indent}    `;
  const lines = [`${indent}location ${loc.match} {`];
  if (loc.contentType) lines.push(`${i}types { }`, `${i}default_type ${quote(loc.contentType)};`);
  for (const [name, value] of [...loc.headers, ['Cache-Control', loc.cache] as [string, string]]) {
    checkValue(loc.path, name, value);
    lines.push(`${i}add_header ${name} ${quote(value)} always;`);
  }
  lines.push(...loc.body.map((l) => `${i}${l}`));
  lines.push(`${indent}}`);
  return lines;
}

/** The nginx server-block include for a built site. Throws, naming the path and header, on input nginx cannot take. */
export function nginxConfig({ rules, base, api = null }: NginxOptions): string {
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base)) throw new Error(`nginx config: base "${base}" must be "/" or a path like "/ai-at-work/"`);
  if (api !== null && !/^\/([A-Za-z0-9._~-]+\/)+$/.test(api)) throw new Error(`nginx config: GUESS_API "${api}" must be a path like "/api/" to be proxied`);
  for (const r of rules) {
    checkPath(r.path);
    if (!r.path.startsWith(base) && r.path !== base.replace(/\/$/, '')) {
      throw new Error(`nginx config: rule path "${r.path}" is outside the base ${base}`);
    }
    for (const [name] of r.headers) {
      if (name.toLowerCase() === 'cache-control') throw new Error(`nginx config: ${r.path}, header "Cache-Control": set by the cache policy in src/lib/nginx.ts, not by _headers`);
    }
  }
  const astro = `${base}_astro/`;
  const prefixRules = rules.filter((r) => r.path.endsWith('*'));
  /** What `_headers` gives every path under a prefix: the prefix rules that cover all of it. */
  const underPrefix = (prefix: string) => prefixRules.filter((r) => prefix.startsWith(r.path.slice(0, -1))).flatMap((r) => r.headers);
  /** What `_headers` gives one exact path: every rule that matches it. */
  const forExact = (path: string) =>
    rules.filter((r) => (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path)).flatMap((r) => r.headers);
  const cacheOf = (path: string) => (path.startsWith(astro) ? IMMUTABLE : REVALIDATE);

  /** Splits a rule's Content-Type off: nginx sets it from the location's type, never as an added header. */
  const split = (path: string, headers: [string, string][]) => {
    const types = headers.filter(([k]) => k.toLowerCase() === 'content-type').map(([, v]) => v);
    if (types.length > 1) throw new Error(`nginx config: ${path}, header "Content-Type": set by ${types.length} rules`);
    let contentType = types[0];
    if (contentType !== undefined) {
      checkValue(path, 'Content-Type', contentType);
      // "type; charset=utf-8" of a text type: the type alone, and the charset module adds the rest
      // (gzip_types compares the bare type, so the feed is still compressed on the fly).
      const m = /^([\w.+-]+\/[\w.+-]+)\s*;\s*charset=utf-8$/i.exec(contentType);
      if (m && CHARSET_TYPES.includes(m[1]!.toLowerCase())) contentType = m[1]!.toLowerCase();
    }
    return { headers: headers.filter(([k]) => k.toLowerCase() !== 'content-type'), contentType };
  };

  const exact = [...new Set(rules.filter((r) => !r.path.endsWith('*')).map((r) => r.path))];
  const prefixes = [...new Set([...prefixRules.map((r) => r.path.slice(0, -1)), base, astro])].sort();
  const files = 'try_files $uri $uri/ =404;';

  const locations: Location[] = [
    // The build's own files for the servers: not part of the site.
    { match: `= ${base}_headers`, path: `${base}_headers`, headers: [], cache: REVALIDATE, body: ['return 404;'] },
    { match: `^~ ${base}_nginx/`, path: `${base}_nginx/`, headers: [], cache: REVALIDATE, body: ['return 404;'] },
    ...exact.map((path) => ({ match: `= ${path}`, path, ...split(path, forExact(path)), cache: cacheOf(path), body: [files] })),
    ...prefixes.map((prefix) => {
      const own = split(`${prefix}*`, underPrefix(prefix));
      return { match: `^~ ${prefix}`, path: `${prefix}*`, ...own, cache: cacheOf(prefix), body: [files] } satisfies Location;
    }),
  ];

  const typeLines = Object.entries(TYPES).map(([type, exts]) => `    ${type} ${exts};`);
  return [
    `# nginx server-block include for this site, written by \`npm run build\` (src/lib/nginx.ts) from the`,
    `# same rules as _headers. Include it inside a server { } whose root holds the site under its base:`,
    `# the files of dist/ at <root>${base}. Do not edit: rebuild.`,
    `# base: ${base}`,
    ...(api ? [`# api: ${api}`] : []),
    '',
    'index index.html;',
    'absolute_redirect off;',
    'server_tokens off;',
    'charset utf-8;',
    `charset_types ${CHARSET_TYPES.join(' ')};`,
    'types {',
    ...typeLines,
    '}',
    'default_type application/octet-stream;',
    '',
    '# Compression: the build writes a .gz beside each text file (level 9); anything else of a text',
    '# type is compressed as it is sent.',
    'gzip on;',
    'gzip_static on;',
    'gzip_vary on;',
    'gzip_proxied any;',
    'gzip_comp_level 6;',
    'gzip_min_length 256;',
    `gzip_types ${TEXT_TYPES.join(' ')};`,
    '',
    `error_page 404 ${base}404.html;`,
    '',
    '# One location per page (and its index.html) and per rule pattern, each with every header',
    '# _headers gives its paths: a location with its own add_header takes none from above.',
    ...locations.flatMap((l) => ['', ...block(l)]),
    ...(api ? ['', ...apiBlock(api)] : []),
    '',
  ].join('\n');
}

/** The guess service path a generated include proxies (its "# api:" line), or null. */
export function configApi(conf: string): string | null {
  return /^# api: (\S+)$/m.exec(conf)?.[1] ?? null;
}

/** The base a generated include was written for (its "# base:" line), or null. */
export function configBase(conf: string): string | null {
  return /^# base: (\S+)$/m.exec(conf)?.[1] ?? null;
}
