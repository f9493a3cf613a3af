import { describe, expect, test } from 'vitest';
import { headersFor, matches, metaPolicy, parseHeaders, rebase, withPagePolicies } from '../../src/lib/headers';

const SAMPLE = `# comment
/*
  X-Content-Type-Options: nosniff
/embed/*
  Content-Security-Policy: frame-ancestors 'self' https:
/
  Content-Security-Policy: frame-ancestors 'self'
`;

describe('_headers', () => {
  test('parses paths and their headers', () => {
    expect(parseHeaders(SAMPLE)).toEqual([
      { path: '/*', headers: [['X-Content-Type-Options', 'nosniff']] },
      { path: '/embed/*', headers: [['Content-Security-Policy', "frame-ancestors 'self' https:"]] },
      { path: '/', headers: [['Content-Security-Policy', "frame-ancestors 'self'"]] },
    ]);
  });
  test('rejects a header line with no path above it, or a malformed one', () => {
    expect(() => parseHeaders('  X-A: b')).toThrow(/line 1/);
    expect(() => parseHeaders('/\n  not a header')).toThrow(/line 2/);
  });
  test('matches splats and exact paths', () => {
    expect(matches('/embed/*', '/embed/trust/')).toBe(true);
    expect(matches('/', '/embed/')).toBe(false);
    expect(matches('/data/*', '/data/')).toBe(true);
    expect(matches('/a.b', '/aXb')).toBe(false);
    expect(headersFor(parseHeaders(SAMPLE), '/embed/x/').map(([k]) => k)).toEqual(['X-Content-Type-Options', 'Content-Security-Policy']);
  });
  test('rebases every path under a sub-path, and leaves a root deploy alone', () => {
    expect(rebase(SAMPLE, '/sub/')).toContain('\n/sub/*\n');
    expect(rebase(SAMPLE, '/sub/')).toContain('\n/sub/embed/*\n');
    expect(rebase(SAMPLE, '/sub/')).toContain('\n/sub/\n');
    expect(rebase(SAMPLE, '/')).toBe(SAMPLE);
  });
});

describe('page policies in _headers', () => {
  const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
  test('reads a page\'s <meta> policy, normalising the separators', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-x=';"></head>`;
    expect(metaPolicy(html)).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-x='");
    expect(metaPolicy('<head><meta charset="utf-8"></head>')).toBeNull();
  });
  test('one rule per page, with its own policy and the frame-ancestors of its pattern', () => {
    const out = withPagePolicies(SAMPLE, [
      { path: '/', policy: POLICY },
      { path: '/embed/x/', policy: POLICY },
    ]);
    const rules = parseHeaders(out);
    const csp = (path: string) => headersFor(rules, path).filter(([k]) => k === 'Content-Security-Policy').map(([, v]) => v);
    expect(csp('/')).toEqual([`${POLICY}; frame-ancestors 'self'`]);
    expect(csp('/index.html')).toEqual([`${POLICY}; frame-ancestors 'self'`]);
    expect(csp('/embed/x/')).toEqual([`${POLICY}; frame-ancestors 'self' https:`]);
    // The pattern rules keep their other headers and lose only the frame-ancestors line.
    expect(headersFor(rules, '/embed/x/').map(([k]) => k)).toEqual(['X-Content-Type-Options', 'Content-Security-Policy']);
  });
  test('a page that no frame-ancestors rule covers, or a <meta> that sets one, stops the build', () => {
    expect(() => withPagePolicies(SAMPLE, [{ path: '/data/', policy: POLICY }])).toThrow(/\/data\/ needs exactly one/);
    expect(() => withPagePolicies(SAMPLE, [{ path: '/', policy: `${POLICY}; frame-ancestors *` }])).toThrow(/must not set frame-ancestors/);
  });
});

describe('copyTimes (a .gz copy keeps its original’s time, to the second)', () => {
  test('a time in the last half millisecond of a second stays in that second', async () => {
    const { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { copyTimes } = await import('../../src/integrations/headers');
    const dir = mkdtempSync(join(tmpdir(), 'times-'));
    try {
      const from = join(dir, 'a.csv');
      const to = join(dir, 'a.csv.gz');
      writeFileSync(from, 'a');
      writeFileSync(to, 'b');
      utimesSync(from, 1796399066.9996, 1796399066.9996);
      // The hazard: a stat's Date is rounded to the millisecond, into the next second.
      expect(Math.floor(statSync(from).mtime.getTime() / 1000)).toBe(1796399067);
      copyTimes(from, to);
      expect(Math.floor(statSync(to).mtimeMs / 1000)).toBe(1796399066);
      expect(Math.floor(statSync(to).mtimeMs / 1000)).toBe(Math.floor(statSync(from).mtimeMs / 1000));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
