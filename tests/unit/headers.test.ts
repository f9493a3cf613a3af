import { describe, expect, test } from 'vitest';
import { headersFor, matches, parseHeaders, rebase } from '../../src/lib/headers';

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
