/**
 * The Content-Security-Policy of every built page, checked against the page itself: script-src
 * never allows inline code or eval, and every inline <script> and <style> in the HTML is allowed by
 * its hash, recomputed here from the bytes the browser will see. Run `npm run build` first when
 * running alone. The browser side (no violation in any state) is tests/e2e/csp.spec.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { metaPolicy } from '../../src/lib/headers';
import { filesUnder } from '../files';

const DIST = 'dist';
const pages = existsSync(DIST) ? filesUnder(DIST).filter((f) => f.endsWith('.html')) : [];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1) ?? [];

/** Inline elements' text: <script> without src (not JSON data blocks) and <style>. */
function inline(html: string, tag: 'script' | 'style'): string[] {
  const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi');
  // Comments may mention a tag; they are not elements.
  return [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(re)]
    .filter(([, attrs = '']) => !/\ssrc=/.test(attrs) && !/type="application\/(ld\+)?json"/.test(attrs))
    .map(([, , body]) => body!);
}

describe('Content-Security-Policy', () => {
  test('dist/ has pages', () => expect(pages.length).toBeGreaterThan(10));

  test('/data/ and the chart pages carry a JSON-LD data block (checked above as data, not script)', () => {
    const withLd = pages.filter((f) => readFileSync(f, 'utf8').includes('<script type="application/ld+json">')).map((f) => relative(DIST, f));
    expect(withLd).toEqual(expect.arrayContaining(['data/index.html', 'charts/quit-twice/index.html']));
  });

  test.each(pages.map((f) => [relative(DIST, f), f]))('%s', (_, file) => {
    const html = readFileSync(file, 'utf8');
    const policy = metaPolicy(html);
    expect(policy, 'no CSP <meta>').toBeTruthy();
    // The <meta> governs only what follows it: it must come before every script and style.
    expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(html.search(/<(script|style)\b|<link rel="stylesheet"/));
    const scriptSrc = directive(policy!, 'script-src');
    const styleSrc = directive(policy!, 'style-src');
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(styleSrc).not.toContain("'unsafe-inline'");
    expect(directive(policy!, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy!, 'object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/https?:\/\//); // nothing from another origin
    for (const body of inline(html, 'script')) expect(scriptSrc, `inline script not allowed: ${body.slice(0, 80)}`).toContain(sha256(body));
    for (const body of inline(html, 'style')) expect(styleSrc, `inline style not allowed: ${body.slice(0, 80)}`).toContain(sha256(body));
    // JSON and JSON-LD data blocks are never run: they need no hash, and none is added for them.
    for (const [, body] of html.matchAll(/<script type="application\/(?:ld\+)?json"[^>]*>([\s\S]*?)<\/script>/g)) {
      expect(scriptSrc, `a data block's hash is in script-src: ${body!.slice(0, 80)}`).not.toContain(sha256(body!));
    }
    // Inline event handlers and style attributes cannot be allowed by a hash: there must be none.
    expect(html.match(/\son[a-z]+="/gi) ?? []).toEqual([]);
    expect(html.match(/<[^>]+\sstyle="/gi) ?? []).toEqual([]);
  });
});
