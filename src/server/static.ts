/**
 * Serves the built site (dist/) as the nginx include of the build does (src/lib/nginx.ts): each
 * path with the headers `_headers` gives it (src/lib/headers.ts), the cache policy (hashed
 * `_astro/` files immutable, everything else revalidated), the types and charsets of the include,
 * the directory index, the precompressed `.gz` beside a file for clients that accept gzip, ETag and
 * Last-Modified with 304s, and the site's own 404 page. The build's files for servers (`_headers`,
 * `_nginx/`) are not served; nothing outside dist/ ever is. A build under BASE_PATH is served under
 * that base (read from the include's "# base:" line).
 */
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { headersFor, parseHeaders, type HeaderRule } from '../lib/headers';
import { configBase, IMMUTABLE, REVALIDATE, TEXT_TYPES, TYPES } from '../lib/nginx';

const TYPE_OF: Record<string, string> = Object.fromEntries(
  Object.entries(TYPES).flatMap(([type, exts]) => exts.split(' ').map((ext) => [ext, type])),
);
/** As in the include: text types other than JSON carry `charset=utf-8`, and so does HTML. */
const CHARSET = new Set(['text/html', ...TEXT_TYPES.filter((t) => !/json$/.test(t))]);

export function contentType(file: string): string {
  const type = TYPE_OF[extname(file).slice(1).toLowerCase()] ?? 'application/octet-stream';
  return CHARSET.has(type) ? `${type}; charset=utf-8` : type;
}

/** Whether an Accept-Encoding header accepts gzip (listed, or by `*`, without q=0). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  const codings = new Map(
    header.split(',').map((part) => {
      const [name = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return [name.trim(), q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const q = codings.get('gzip') ?? codings.get('x-gzip') ?? codings.get('*');
  return q !== undefined && q > 0;
}

const fileStat = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/** nginx's ETag: the modification time in seconds and the size, both in hex. */
const etagOf = (s: Stats) => `"${Math.floor(s.mtimeMs / 1000).toString(16)}-${s.size.toString(16)}"`;

export interface StaticSite {
  /** The deploy base the build was made for: "/" or "/sub/". */
  base: string;
  serve(req: Request): Promise<Response>;
}

export function staticSite(dist: string): StaticSite {
  const root = resolve(dist);
  if (!fileStat(root)?.isDirectory()) throw new Error(`DIST_DIR: ${dist} is not a folder (build the site first: npx astro build)`);
  const headersFile = join(root, '_headers');
  const rules: HeaderRule[] = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const confFile = join(root, '_nginx', 'site.conf');
  const base = (existsSync(confFile) && configBase(readFileSync(confFile, 'utf8'))) || '/';
  const astro = `${base}_astro/`;

  /** Every header a path gets, whatever the response: `_headers` plus the cache policy. */
  function headersOf(urlPath: string, type?: string): Headers {
    const h = new Headers();
    for (const [name, value] of headersFor(rules, urlPath)) {
      if (name.toLowerCase() === 'content-type') h.set(name, value);
      else h.append(name, value);
    }
    if (type && !h.has('content-type')) h.set('content-type', type);
    h.set('cache-control', urlPath.startsWith(astro) ? IMMUTABLE : REVALIDATE);
    return h;
  }

  async function sendFile(req: Request, file: string, urlPath: string, status: number): Promise<Response> {
    const headers = headersOf(urlPath, contentType(file));
    const gz = fileStat(`${file}.gz`);
    const useGz = !!gz?.isFile() && acceptsGzip(req.headers.get('accept-encoding'));
    const path = useGz ? `${file}.gz` : file;
    const stat = useGz ? gz! : fileStat(file)!;
    if (gz?.isFile()) headers.set('vary', 'Accept-Encoding');
    if (useGz) headers.set('content-encoding', 'gzip');
    if (status === 200) {
      const etag = etagOf(stat);
      headers.set('etag', etag);
      headers.set('last-modified', new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString());
      if (notModified(req, etag, stat)) return new Response(null, { status: 304, headers });
    }
    headers.set('content-length', String(stat.size));
    const body = req.method === 'HEAD' ? null : await readFile(path);
    return new Response(body, { status, headers });
  }

  function notModified(req: Request, etag: string, stat: Stats): boolean {
    const inm = req.headers.get('if-none-match');
    if (inm) return inm.trim() === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
    const ims = Date.parse(req.headers.get('if-modified-since') ?? '');
    return !Number.isNaN(ims) && Math.floor(stat.mtimeMs / 1000) * 1000 <= ims;
  }

  async function notFound(req: Request): Promise<Response> {
    const page = join(root, '404.html');
    if (fileStat(page)?.isFile()) return sendFile(req, page, `${base}404.html`, 404);
    return new Response('Not found\n', { status: 404, headers: headersOf(`${base}404.html`, 'text/plain; charset=utf-8') });
  }

  async function serve(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const headers = headersOf(url.pathname, 'text/plain; charset=utf-8');
      headers.set('allow', 'GET, HEAD');
      return new Response('Method not allowed\n', { status: 405, headers });
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound(req);
    }
    if (path === base.slice(0, -1) && base !== '/') return redirect(`${base}${url.search}`, path);
    if (!path.startsWith(base) || path.includes('\0') || path.includes('\\')) return notFound(req);
    const rel = path.slice(base.length);
    // The build's files for servers, and anything that climbs (the URL parser resolves plain and
    // %2e dot segments; an encoded slash can still smuggle one in).
    if (rel === '_headers' || rel.startsWith('_nginx/') || rel === '_nginx' || rel.split('/').some((s) => s === '..')) return notFound(req);
    let file = resolve(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return notFound(req);
    let urlPath = path;
    let stat = fileStat(file);
    if (stat?.isDirectory()) {
      if (!path.endsWith('/')) return redirect(`${url.pathname}/${url.search}`, path);
      file = join(file, 'index.html');
      urlPath = `${path}index.html`;
      stat = fileStat(file);
    }
    if (!stat?.isFile()) return notFound(req);
    return sendFile(req, file, urlPath, 200);
  }

  /** nginx's answer to a folder asked without its slash (absolute_redirect off: a relative Location). */
  function redirect(location: string, urlPath: string): Response {
    const headers = headersOf(urlPath, 'text/html; charset=utf-8');
    headers.set('location', location);
    return new Response(null, { status: 301, headers });
  }

  return { base, serve };
}
