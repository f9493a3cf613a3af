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
