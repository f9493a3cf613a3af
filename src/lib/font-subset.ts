/// <reference path="../types/font-tools.d.ts" />
/**
 * Build-time font subsetting (src/integrations/font-subset.ts for the site, charts/export/compose.ts
 * for each exported SVG): which characters a text needs, which faces of a CSS font family can draw
 * them, and a woff2 cut down to those characters with HarfBuzz (subset-font), its variation axes
 * kept. Node only.
 */
import subsetFont from 'subset-font';
import fontverter from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';

/**
 * Characters every subset keeps whether or not a page uses them today: printable ASCII (digits, %,
 * brackets…), the no-break space and the punctuation and signs the copy and the charts are written
 * with. Only those the source file has are kept.
 */
export const SAFETY_TEXT =
  Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('') +
  '\u00a0‘’“”–—…·×±÷−†';

/**
 * Characters the site uses that the self-hosted font files have never had (the Latin and Latin
 * Extended files of @fontsource-variable carry no arrows or symbols): the browser draws them in the
 * system font, as it always has, and the visual baselines show them so. Any other character outside
 * the subset fails the build.
 */
export const SYSTEM_FONT_CHARS = '▶▲✓⌘←→';

/** A code-point range of a CSS unicode-range, inclusive. */
export type Range = readonly [number, number];

/** A CSS unicode-range value ("U+0000-00FF,U+0131,U+1E??") as ranges. */
export function parseUnicodeRange(value: string): Range[] {
  return value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'F'), 16)] as const;
      const [lo, hi = lo] = part.split('-');
      return [parseInt(lo!, 16), parseInt(hi!, 16)] as const;
    });
}

/** One @font-face of a family as written in CSS: its first url() and its unicode-range (none: all). */
export interface FaceRule {
  url: string;
  ranges: Range[] | null;
}

/** The @font-face rules of `family` in `css`, in the order they are declared. */
export function faceRules(css: string, family: string): FaceRule[] {
  const out: FaceRule[] = [];
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = m[1]!;
    const name = /font-family:\s*(["']?)([^;"']+)\1/.exec(body)?.[2]?.trim();
    const url = /src:\s*url\(\s*(["']?)([^"')]+)\1\s*\)/.exec(body)?.[2];
    if (name !== family || !url) continue;
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1];
    out.push({ url, ranges: range ? parseUnicodeRange(range) : null });
  }
  return out;
}

export const inRanges = (cp: number, ranges: readonly Range[] | null): boolean =>
  ranges === null || ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** The code points of `text` that are drawn as glyphs (no control characters), each once. */
export function codePoints(text: string): Set<number> {
  const out = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp !== 0x7f) out.add(cp);
  }
  return out;
}

export interface FontInfo {
  unicodes: Set<number>;
  axes: Record<string, { min: number; max: number; default: number }>;
}

// The woff2 coder keeps one WebAssembly memory: two conversions at once can hand back the same
// bytes. Every use of it here (reading a font, subsetting one) waits for the one before.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

/** What a font file maps (its cmap) and its variation axes. Reads woff2, woff or TrueType. */
export const fontInfo = (font: Uint8Array): Promise<FontInfo> => serial(() => readFontInfo(font));

async function readFontInfo(font: Uint8Array): Promise<FontInfo> {
  const sfnt = Buffer.from(await fontverter.convert(font, 'truetype'));
  const face = new Face(new Blob(sfnt));
  const axes = Object.fromEntries(
    Object.entries(face.getAxisInfos()).map(([tag, a]) => [tag, { min: a.min, max: a.max, default: a.default }]),
  );
  return { unicodes: new Set(face.collectUnicodes()), axes };
}

/** A face able to draw: the code points its file maps, and the unicode-range CSS gives it. */
export interface Coverage {
  unicodes: ReadonlySet<number>;
  ranges: readonly Range[] | null;
}

/**
 * Which face draws `cp`, as a browser picks within one family: faces declared later are tried
 * first, and a face is used when its unicode-range holds the character and its file has a glyph
 * for it. -1 when none does (the character would be drawn in a fallback font).
 */
export function faceFor(cp: number, faces: readonly Coverage[]): number {
  for (let i = faces.length - 1; i >= 0; i--) {
    if (inRanges(cp, faces[i]!.ranges) && faces[i]!.unicodes.has(cp)) return i;
  }
  return -1;
}

/**
 * The characters of `text` that no face of the family would draw, in order of first appearance,
 * leaving out SYSTEM_FONT_CHARS. Empty when the family covers the text.
 */
export function missingChars(text: string, faces: readonly Coverage[]): string[] {
  return [...codePoints(text)]
    .filter((cp) => !SYSTEM_FONT_CHARS.includes(String.fromCodePoint(cp)) && faceFor(cp, faces) < 0)
    .map((cp) => String.fromCodePoint(cp));
}

/** "U+2020 †" */
export const describeChar = (ch: string): string =>
  `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(ch)}`;

/**
 * Splits the code points of a text between the faces that will draw them (see faceFor), given
 * each face's source file coverage. Returns one set per face; code points no face has are left out
 * (missingChars reports them).
 */
export function assignCodePoints(cps: Iterable<number>, sources: readonly Coverage[]): Set<number>[] {
  const out = sources.map(() => new Set<number>());
  for (const cp of cps) {
    const i = faceFor(cp, sources);
    if (i >= 0) out[i]!.add(cp);
  }
  return out;
}

/** `font` cut down to `cps` as woff2, every variation axis kept at its full range. */
export function subsetWoff2(font: Uint8Array, cps: Iterable<number>): Promise<Buffer> {
  const text = String.fromCodePoint(...cps);
  return serial(async () => Buffer.from(await subsetFont(font, text, { targetFormat: 'woff2' })));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Decodes the character references of XML or HTML text. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The text an SVG draws (its text nodes, entities decoded), without its <style>. */
export function svgText(svg: string): string {
  return decodeEntities(svg.replace(/<style\b[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ''));
}
