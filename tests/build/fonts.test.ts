/**
 * The subset web font in dist/ (src/integrations/font-subset.ts): every character every built page
 * can show is drawn by a face of the site's family (its unicode-range and the glyphs of the file the
 * build wrote), the files keep the whole weight axis, and every exported SVG embeds a font that
 * covers its own text. Run `npm run build` first when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { contentHash, drawnText, FAMILY } from '../../src/integrations/font-subset';
import { faceRules, fontInfo, missingChars, parseUnicodeRange, svgText, type Coverage, type FontInfo } from '../../src/lib/font-subset';
import { filesUnder } from '../files';

const DIST = 'dist';
const files = existsSync(DIST) ? filesUnder(DIST) : [];
const pages = files.filter((f) => f.endsWith('.html'));
const SOURCE_DIR = 'node_modules/@fontsource-variable/source-sans-3/files';

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
});

const infos = new Map<string, Promise<FontInfo>>();
const info = (file: string) => {
  if (!infos.has(file)) infos.set(file, fontInfo(readFileSync(file)));
  return infos.get(file)!;
};

/** A page's own CSS: its inline <style> elements and the stylesheets it links. */
function pageCss(page: string, html: string): string {
  const inline = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const linked = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => readFileSync(join(DIST, m[1]!), 'utf8'));
  return [...inline, ...linked].join('\n');
}

/** The faces of the site's family that a page declares, with the glyphs of the built files. */
async function pageFaces(page: string, html: string): Promise<Coverage[]> {
  return Promise.all(
    faceRules(pageCss(page, html), FAMILY).map(async (rule) => ({
      unicodes: (await info(join(DIST, rule.url.replace(/^\//, '')))).unicodes,
      ranges: rule.ranges,
    })),
  );
}

describe('web font subset', () => {
  const builtFonts = files.filter((f) => f.endsWith('.woff2'));

  test('the build wrote the two faces, each smaller than its source', () => {
    expect(builtFonts.map((f) => relative(DIST, f).replace(/\.[\w-]+\.woff2$/, '')).sort()).toEqual([
      '_astro/source-sans-3-latin-ext-wght-normal',
      '_astro/source-sans-3-latin-wght-normal',
    ]);
    for (const f of builtFonts) {
      const source = join(SOURCE_DIR, `${relative(join(DIST, '_astro'), f).replace(/\.[\w-]+\.woff2$/, '')}.woff2`);
      expect(readFileSync(f).length, f).toBeLessThan(readFileSync(source).length * 0.7);
    }
  });

  test('each is named by a hash of its own bytes (so _astro/ can be cached for a year), and every page names it so', () => {
    const names = builtFonts.map((f) => relative(join(DIST, '_astro'), f));
    for (const [i, f] of builtFonts.entries()) {
      const bytes = readFileSync(f);
      expect(names[i], f).toBe(names[i]!.replace(/\.[\w-]+\.woff2$/, `.${contentHash(bytes)}.woff2`));
      // The hash Vite gave the source file it was cut from is not its own.
      const source = readFileSync(join(SOURCE_DIR, names[i]!.replace(/\.[\w-]+\.woff2$/, '.woff2')));
      expect(contentHash(source), f).not.toBe(contentHash(bytes));
    }
    for (const page of pages) {
      const named = new Set([...readFileSync(page, 'utf8').matchAll(/_astro\/([\w.-]+\.woff2)/g)].map((m) => m[1]));
      expect([...named].sort(), page).toEqual([...names].sort());
    }
  });

  test.each(builtFonts)('%s keeps the whole wght axis (200 to 900)', async (f) => {
    const { axes } = await info(f);
    expect(axes.wght).toMatchObject({ min: 200, max: 900 });
  });

  test.each(pages.map((p) => relative(DIST, p)))('%s: every character it shows is in a face of the web font', async (name) => {
    const html = readFileSync(join(DIST, name), 'utf8');
    const faces = await pageFaces(name, html);
    expect(faces.length).toBe(2);
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => readFileSync(join(DIST, m[1]!), 'utf8'));
    expect(missingChars(drawnText(name, html) + css.join(''), faces)).toEqual([]);
  });

  test('every script and stylesheet only writes characters the web font has', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const faces = await pageFaces('index.html', html);
    for (const f of files.filter((f) => /\.(js|css)$/.test(f))) {
      expect(missingChars(drawnText(f, readFileSync(f, 'utf8')), faces), f).toEqual([]);
    }
  });
});

describe('exported SVGs', () => {
  const svgs = files.filter((f) => f.startsWith(join(DIST, 'images')) && f.endsWith('.svg'));

  test('there are some', () => expect(svgs.length).toBeGreaterThan(10));

  test.each(svgs.map((f) => relative(DIST, f)))('%s embeds a font that covers its text', async (name) => {
    const svg = readFileSync(join(DIST, name), 'utf8');
    const faces: Coverage[] = [];
    for (const m of svg.matchAll(/@font-face\{([^}]*)\}/g)) {
      const data = /url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/.exec(m[1]!)?.[1];
      expect(data, 'a woff2 data URL').toBeDefined();
      const { unicodes, axes } = await fontInfo(Buffer.from(data!, 'base64'));
      expect(axes.wght).toMatchObject({ min: 200, max: 900 });
      const range = /unicode-range:([^;]+)/.exec(m[1]!)?.[1];
      faces.push({ unicodes, ranges: range ? parseUnicodeRange(range) : null });
    }
    expect(faces.length).toBeGreaterThan(0);
    expect(missingChars(svgText(svg), faces)).toEqual([]);
    // Cut to its own text: far fewer glyphs than the Latin file's 231.
    expect(faces[0]!.unicodes.size).toBeLessThan(120);
  });
});
