/**
 * Link checking over a built static site, as pure functions over file names and HTML text (no file
 * system, no network): tests/build/links.test.ts feeds it tiny inline sites, tests/build/dist-links
 * .test.ts the real dist/.
 *
 * A site is the list of its files (paths relative to the output directory, with `/` separators)
 * and the HTML of its pages. Every URL in an href, src, srcset, poster, xlink:href, the island URLs
 * Astro writes (component-url, renderer-url, before-hydration-url) and the og:/twitter: URL metas
 * is resolved against the page's own URL, on the site's origin under its base. URLs on that origin
 * are internal: they must name a file of the site (a path ending in `/` names its index.html, as
 * with trailingSlash 'always' and build.format 'directory'), and a fragment must be an id (or an
 * <a name>) in the target page. URLs on other origins are external: collected, never fetched.
 */

export interface Site {
  /** Every file of the site, relative to its output directory: `index.html`, `data/figures.csv`. */
  files: Iterable<string>;
  /** HTML text of the pages to check, by the same relative path. */
  pages: ReadonlyMap<string, string>;
}

export interface LinkOptions {
  /** The site's base path, with leading and trailing slash: `/` or `/ai-at-work/`. */
  base: string;
  /** The site's public origin, e.g. `http://127.0.0.1:4321`; absolute URLs on it are internal. */
  origin: string;
}

export interface Link {
  /** The page it appears on, relative path. */
  page: string;
  line: number;
  column: number;
  tag: string;
  attr: string;
  /** The URL as written (entities decoded). */
  url: string;
}

export interface Problem extends Link {
  reason: string;
}

export interface CheckResult {
  internal: Link[];
  external: Link[];
  problems: Problem[];
}

/** Attributes whose whole value is one URL. */
const URL_ATTRS = new Set(['href', 'src', 'poster', 'xlink:href', 'component-url', 'renderer-url', 'before-hydration-url']);
/** <meta> names/properties whose content is a URL. */
const URL_METAS = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:url']);
/** Schemes that are neither internal files nor web pages elsewhere. */
const OTHER_SCHEMES = /^(mailto|tel|sms|data|javascript|blob|about):/i;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export interface Tag {
  name: string;
  attrs: Map<string, { value: string; offset: number }>;
  offset: number;
}

/** Blank out comments and the raw text of <script>, <style> and <textarea>, keeping every offset. */
function blankRawText(html: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return html
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(<(script|style|textarea)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/gi, (_m, open: string, _n, body: string, close: string) =>
      open + blank(body) + close,
    );
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Start tags with their attributes (names lower-cased, values entity-decoded) and offsets. */
export function parseTags(html: string): Tag[] {
  const text = blankRawText(html);
  const tags: Tag[] = [];
  for (const m of text.matchAll(TAG)) {
    const attrs = new Map<string, { value: string; offset: number }>();
    const attrStart = m.index + 1 + m[1]!.length;
    for (const a of m[2]!.matchAll(ATTR)) {
      const raw = a[3] ?? a[4] ?? a[5] ?? '';
      const valueOffset = attrStart + a.index + (a[2] ? a[0].indexOf(a[2]) + (a[5] === undefined ? 1 : 0) : 0);
      const name = a[1]!.toLowerCase();
      if (!attrs.has(name)) attrs.set(name, { value: decodeEntities(raw), offset: valueOffset });
    }
    tags.push({ name: m[1]!.toLowerCase(), attrs, offset: m.index });
  }
  return tags;
}

function lineCol(html: string, offset: number): { line: number; column: number } {
  const before = html.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Every URL-bearing attribute of a page, in document order. */
export function extractLinks(page: string, html: string): Link[] {
  const links: Link[] = [];
  const add = (tag: string, attr: string, url: string, offset: number) => {
    if (url.trim() === '') return;
    links.push({ page, ...lineCol(html, offset), tag, attr, url: url.trim() });
  };
  for (const t of parseTags(html)) {
    for (const [name, { value, offset }] of t.attrs) {
      if (URL_ATTRS.has(name)) add(t.name, name, value, offset);
      if (name === 'srcset' || name === 'imagesrcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) add(t.name, name, url, offset);
        }
      }
    }
    if (t.name === 'meta') {
      const key = (t.attrs.get('property') ?? t.attrs.get('name'))?.value.toLowerCase();
      const content = t.attrs.get('content');
      if (key && URL_METAS.has(key) && content) add(t.name, `content (${key})`, content.value, content.offset);
    }
  }
  return links;
}

/** Every fragment target of a page: the ids, and the names of <a name> anchors. */
export function extractIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const t of parseTags(html)) {
    const id = t.attrs.get('id')?.value;
    if (id) ids.add(id);
    const name = t.attrs.get('name')?.value;
    if (t.name === 'a' && name) ids.add(name);
  }
  return ids;
}

/** The URL of a page file: `data/index.html` is `<origin><base>data/`. */
export function pageUrl(file: string, { base, origin }: LinkOptions): URL {
  return new URL(base + file.replace(/(^|\/)index\.html$/, '$1'), origin);
}

type Target =
  | { kind: 'external' }
  | { kind: 'other' }
  | { kind: 'invalid' }
  | { kind: 'internal'; file: string; fragment: string }
  | { kind: 'outside-base'; path: string };

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Where a URL written on a page points. */
export function resolveLink(url: string, page: string, opts: LinkOptions): Target {
  if (OTHER_SCHEMES.test(url)) return { kind: 'other' };
  let target: URL;
  try {
    target = new URL(url, pageUrl(page, opts));
  } catch {
    return { kind: 'invalid' };
  }
  if (!/^https?:$/.test(target.protocol)) return { kind: 'other' };
  if (target.origin !== new URL(opts.origin).origin) return { kind: 'external' };
  const path = safeDecode(target.pathname);
  if (!path.startsWith(opts.base)) return { kind: 'outside-base', path };
  let file = path.slice(opts.base.length);
  if (file === '' || file.endsWith('/')) file += 'index.html';
  return { kind: 'internal', file, fragment: safeDecode(target.hash.slice(1)) };
}

/** Check every link of every page in `site.pages` against the site's files and ids. */
export function checkLinks(site: Site, opts: LinkOptions): CheckResult {
  const files = new Set(site.files);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> | undefined => {
    if (!idCache.has(file)) {
      const html = site.pages.get(file);
      if (html === undefined) return undefined;
      idCache.set(file, extractIds(html));
    }
    return idCache.get(file);
  };

  const result: CheckResult = { internal: [], external: [], problems: [] };
  const problem = (link: Link, reason: string) => result.problems.push({ ...link, reason });
  for (const [page, html] of site.pages) {
    for (const link of extractLinks(page, html)) {
      const target = resolveLink(link.url, page, opts);
      if (target.kind === 'other') continue;
      if (target.kind === 'external') {
        result.external.push(link);
        continue;
      }
      result.internal.push(link);
      if (target.kind === 'invalid') {
        problem(link, 'not a valid URL');
        continue;
      }
      if (target.kind === 'outside-base') {
        problem(link, `points outside the base ${opts.base}: ${target.path}`);
        continue;
      }
      if (!files.has(target.file)) {
        const dirIndex = `${target.file}/index.html`;
        problem(link, files.has(dirIndex) ? `no trailing slash: the page is ${dirIndex}` : `no file ${target.file}`);
        continue;
      }
      // A fragment on anything but a page (a CSV, an image) is not an element id: nothing to check.
      if (target.fragment === '' || !target.file.endsWith('.html')) continue;
      // `#top` scrolls to the top of any page that has no element with that id.
      if (target.fragment.toLowerCase() === 'top') continue;
      const ids = idsOf(target.file);
      if (ids === undefined) problem(link, `${target.file} was not read, so #${target.fragment} cannot be checked`);
      else if (!ids.has(target.fragment)) problem(link, `no id "${target.fragment}" in ${target.file}`);
    }
  }
  return result;
}

export function formatProblem(p: Problem): string {
  return `${p.page}:${p.line}:${p.column} <${p.tag} ${p.attr}="${p.url}">: ${p.reason}`;
}
