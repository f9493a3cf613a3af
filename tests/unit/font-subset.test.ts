import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  assignCodePoints,
  codePoints,
  decodeEntities,
  faceFor,
  faceRules,
  fontInfo,
  missingChars,
  parseUnicodeRange,
  subsetWoff2,
  svgText,
  SAFETY_TEXT,
  SYSTEM_FONT_CHARS,
} from '../../src/lib/font-subset';
import { contentHash, contentName, cspSource, drawnText, missingReport, renameInPage, sourceFont } from '../../src/integrations/font-subset';

const LATIN = readFileSync('node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2');
const cover = (text: string, ranges: [number, number][] | null = null) => ({ unicodes: codePoints(text), ranges });

describe('unicode-range and @font-face rules', () => {
  test('parses single code points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+1E??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x1e00, 0x1eff],
    ]);
  });

  test('reads the url and range of each face of one family, in order', () => {
    const css = `@font-face{font-family:"Source Sans 3 Variable";src:url(/_astro/a.X1.woff2) format("woff2");unicode-range:U+2020}
@font-face{font-family:'Other';src:url(/b.woff2)}
@font-face{font-family:"Source Sans 3 Variable";src:url("/_astro/c.Y2.woff2")}`;
    expect(faceRules(css, 'Source Sans 3 Variable')).toEqual([
      { url: '/_astro/a.X1.woff2', ranges: [[0x2020, 0x2020]] },
      { url: '/_astro/c.Y2.woff2', ranges: null },
    ]);
  });

  test('a built name maps back to its package file', () => {
    expect(sourceFont('source-sans-3-latin-wght-normal.Bo_j9asI.woff2')).toMatch(/files\/source-sans-3-latin-wght-normal\.woff2$/);
    expect(() => sourceFont('nothing.Ab12Cd34.woff2')).toThrow(/no source file/);
  });
});

describe('which face draws a character', () => {
  // Declared first: the wide face; last: the dagger face, limited by unicode-range.
  const faces = [cover('Ab †', [[0, 0x206f]]), cover('A†', [[0x2020, 0x2020]])];

  test('later faces first, within their range, when their file has the glyph', () => {
    expect(faceFor('†'.codePointAt(0)!, faces)).toBe(1);
    expect(faceFor('A'.codePointAt(0)!, faces)).toBe(0);
    expect(faceFor('z'.codePointAt(0)!, faces)).toBe(-1);
  });

  test('splits a text between the faces', () => {
    expect(assignCodePoints(codePoints('bA†'), faces).map((s) => [...s].map((cp) => String.fromCodePoint(cp)).join(''))).toEqual(['bA', '†']);
  });
});

describe('the missing-character rule', () => {
  test('returns each character no face draws, once, in order', () => {
    expect(missingChars('Hello ☃ world ☃ ✗', [cover('Helo wrd')])).toEqual(['☃', '✗']);
  });

  test('a glyph outside its face’s unicode-range does not count', () => {
    expect(missingChars('a†', [cover('a†', [[0, 0xff]])])).toEqual(['†']);
  });

  test('control characters are not drawn; the system-font symbols are allowed', () => {
    expect(missingChars(`a\n\t${SYSTEM_FONT_CHARS}`, [cover('a')])).toEqual([]);
  });

  test('bites on a page with a character outside a real subset, naming the character and the page', async () => {
    // As the build cuts it: the safety set (printable ASCII, so the markup too) and the page's text.
    const subset = await subsetWoff2(LATIN, codePoints(`${SAFETY_TEXT}Hello, world`));
    const { unicodes, axes } = await fontInfo(subset);
    expect(axes.wght).toMatchObject({ min: 200, max: 900 });
    const faces = [{ unicodes, ranges: null }];
    const pages = new Map([
      ['index.html', drawnText('index.html', '<p>Hello, world</p>')],
      ['embed/x/index.html', drawnText('embed/x/index.html', '<p>Hello, w&ouml;rld &#x2603;</p>')],
    ]);
    expect(missingReport(pages, faces)).toEqual(['U+2603 "☃" on embed/x/index.html']);
    // &ouml; is not decoded (only the XML entities and numeric references are), so ö is not claimed.
    expect(missingChars(pages.get('embed/x/index.html')!, faces)).toEqual(['☃']);
  });
});

describe('text of built files', () => {
  test('an SVG: its text nodes, decoded, without its <style>', () => {
    expect(svgText('<svg><style>.a{content:"☃"}</style><text x="1">A &amp; B&#160;</text></svg>')).toBe('A & B\u00a0');
    expect(decodeEntities('&lt;&#x2020;&gt;')).toBe('<†>');
  });

  test('a script: its characters and its \\u escapes', () => {
    expect(drawnText('a.js', 'x="\\u00d7"')).toContain('×');
  });
});

describe('a subset font named by its own bytes', () => {
  const OLD = '/_astro/source-sans-3-latin-wght-normal.Bo_j9asI.woff2';
  const bytes = new Uint8Array([1, 2, 3]);
  const NEW = `/_astro/${contentName('source-sans-3-latin-wght-normal.Bo_j9asI.woff2', bytes)}`;

  test('the name carries 8 characters of the SHA-256 of the bytes, and changes with them', () => {
    expect(NEW).toBe(`/_astro/source-sans-3-latin-wght-normal.${contentHash(bytes)}.woff2`);
    expect(contentHash(bytes)).toMatch(/^[\w-]{8}$/);
    expect(contentHash(new Uint8Array([1, 2, 4]))).not.toBe(contentHash(bytes));
  });

  test("a page: its preload and @font-face renamed, the changed <style>'s hash swapped in its policy, nothing else touched", () => {
    const css = `@font-face{font-family:"Source Sans 3 Variable";src:url(${OLD}) format("woff2")}`;
    const other = 'p{color:red}';
    const page = `<head><link rel="preload" href="${OLD}" as="font"><style>${css}</style><style>${other}</style><meta http-equiv="content-security-policy" content="style-src 'self' ${cspSource(css)} ${cspSource(other)}"></head>`;
    const out = renameInPage(page, new Map([[OLD, NEW]]));
    expect(out).not.toContain(OLD);
    expect(out).toContain(`href="${NEW}"`);
    expect(out).toContain(`${cspSource(css.replace(OLD, NEW))} ${cspSource(other)}"`);
    expect(out).not.toContain(cspSource(css));
  });

  test('a changed <style> whose hash the policy lacks fails', () => {
    const page = `<style>src:url(${OLD})</style><meta http-equiv="content-security-policy" content="style-src 'self'">`;
    expect(() => renameInPage(page, new Map([[OLD, NEW]]), 'a.html')).toThrow(/a\.html: an inline <style> names a font, but its hash/);
  });
});
