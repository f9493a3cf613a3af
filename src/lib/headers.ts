/**
 * Parser for the Netlify/Cloudflare `_headers` format, and the rewrite that puts its paths under the
 * deploy base. Used by the build (integrations/headers.ts) and the tests.
 */
export interface HeaderRule {
  path: string;
  headers: [string, string][];
}

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: [] });
      return;
    }
    const rule = rules.at(-1);
    const m = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    if (!rule || !m) throw new Error(`_headers, line ${i + 1}: expected "  Name: value" under a path`);
    rule.headers.push([m[1]!, m[2]!.trim()]);
  });
  return rules;
}

/** Whether a URL path matches a rule path (`*` matches any rest of the path). */
export function matches(rulePath: string, urlPath: string): boolean {
  const re = new RegExp(`^${rulePath.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(urlPath);
}

/** The headers that apply to a URL path, in rule order (hosts combine all matching rules). */
export function headersFor(rules: HeaderRule[], urlPath: string): [string, string][] {
  return rules.filter((r) => matches(r.path, urlPath)).flatMap((r) => r.headers);
}

/** Rewrites every rule path under `base` (e.g. "/sub/"); `/` stays the base itself. */
export function rebase(text: string, base: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  if (!b) return text;
  return text.replace(/^(\/\S*)$/gm, (path) => `${b}${path}`);
}

/** A built page: its URL path under the site root ("/data/") and the policy from its CSP <meta>. */
export interface PagePolicy {
  path: string;
  policy: string;
}

/** The URL path of a built page from its file path inside dist/: "data/index.html" → "/data/". */
export function pagePath(fileInDist: string): string {
  return '/' + fileInDist.split('\\').join('/').replace(/index\.html$/, '');
}

/** The policy in a page's `<meta http-equiv="content-security-policy">`, or null when it has none. */
export function metaPolicy(html: string): string | null {
  const tag = /<meta\s[^>]*http-equiv="content-security-policy"[^>]*>/i.exec(html)?.[0];
  const content = tag && /\scontent="([^"]*)"/.exec(tag)?.[1];
  if (!content) return null;
  return content
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('; ');
}

const CSP_LINE = /^\s+Content-Security-Policy:.*$\n?/gim;

/**
 * Serves each page's own policy as a header, with the `frame-ancestors` that a <meta> cannot carry.
 * The rules in `text` say who may frame what (`Content-Security-Policy: frame-ancestors …` under a
 * path pattern); those lines are replaced by one rule per page (and its index.html) holding the
 * page's full policy plus the frame-ancestors of the pattern it matches, so no two policies apply
 * to one page. A page that no pattern covers, or that two cover, stops the build.
 */
export function withPagePolicies(text: string, pages: PagePolicy[]): string {
  const rules = parseHeaders(text);
  const perPage = pages.map(({ path, policy }) => {
    const frames = headersFor(rules, path).filter(([k]) => k.toLowerCase() === 'content-security-policy');
    if (frames.length !== 1 || !/^frame-ancestors\s/.test(frames[0]![1])) {
      throw new Error(`_headers: ${path} needs exactly one "Content-Security-Policy: frame-ancestors …" rule, found ${frames.length}`);
    }
    if (/frame-ancestors/.test(policy)) throw new Error(`${path}: the page's <meta> policy must not set frame-ancestors`);
    const value = `${policy}; ${frames[0]![1]}`;
    const paths = path.endsWith('/') ? [path, `${path}index.html`] : [path];
    return paths.map((p) => `${p}\n  Content-Security-Policy: ${value}\n`).join('');
  });
  return (
    text.replace(CSP_LINE, '').trimEnd() +
    '\n\n# Each page\'s Content-Security-Policy: its <meta> policy plus frame-ancestors (written by the build).\n' +
    perPage.join('')
  );
}
