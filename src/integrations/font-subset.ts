/**
 * Subsets the self-hosted web font to the characters the built site uses. After the build
 * (astro:build:done) it reads every page, stylesheet, script and exported SVG in dist/, finds the
 * @font-face rules of the site's family (inline <style> or CSS file) and writes a subset of each
 * woff2's source file with the characters that face draws (see lib/font-subset.ts), plus a safety
 * set. Each subset is named by a hash of its own bytes, as Vite names every other file in _astro/
 * ("source-sans-3-latin-wght-normal.<hash>.woff2"), so every file there can be cached for a year:
 * the file Vite wrote (named after the source font) is removed, and every page's preloads and
 * @font-face rules are rewritten to the new name, with the Content-Security-Policy hash of each
 * inline <style> that changed; a stylesheet that names a font (when Vite did not inline it) is
 * renamed by its new content the same way. Then it reads the written files back and fails the build, naming the
 * character and the files, when a character would be drawn in a fallback font.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assignCodePoints,
  codePoints,
  decodeEntities,
  describeChar,
  faceRules,
  fontInfo,
  missingChars,
  SAFETY_TEXT,
  subsetWoff2,
  svgText,
  type Coverage,
  type FaceRule,
} from '../lib/font-subset';

export const FAMILY = 'Source Sans 3 Variable';
const require = createRequire(import.meta.url);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The text a built file can put on screen: all of an HTML, CSS or JS file; an SVG's text nodes. */
export function drawnText(file: string, content: string): string {
  if (file.endsWith('.svg')) return svgText(content);
  if (file.endsWith('.html')) return content + decodeEntities(content);
  // A script may spell a character as an escape ("\u00a0").
  if (file.endsWith('.js')) return content + jsEscapes(content);
  return content;
}

/** The characters a script writes as \uXXXX or \u{X…} escapes. */
function jsEscapes(code: string): string {
  return [...code.matchAll(/\\u(?:\{([0-9a-f]+)\}|([0-9a-f]{4}))/gi)].map((m) => String.fromCodePoint(parseInt(m[1] ?? m[2]!, 16))).join('');
}

/** The package file a built font was copied from: "source-sans-3-latin-wght-normal.Bo_j9asI.woff2". */
export function sourceFont(builtName: string): string {
  const stem = builtName.replace(/\.[\w-]+\.woff2$/, '');
  try {
    return require.resolve(`@fontsource-variable/source-sans-3/files/${stem}.woff2`);
  } catch {
    throw new Error(`[font-subset] ${builtName}: no source file @fontsource-variable/source-sans-3/files/${stem}.woff2`);
  }
}

/** The hash a file in _astro/ is named by: 8 characters of the base64url SHA-256 of its bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
}

/** A built font's name for these bytes: "stem.Bo_j9asI.woff2" → "stem.<hash of bytes>.woff2". */
export function contentName(builtName: string, bytes: Uint8Array): string {
  const stem = builtName.replace(/\.[\w-]+\.woff2$/, '');
  return `${stem}.${contentHash(bytes)}.woff2`;
}

/** Any hashed build file's name for these bytes: "index.CrTp2vGT.css" → "index.<hash of bytes>.css". */
export function hashedName(builtName: string, bytes: Uint8Array): string {
  const m = /^(.*)\.[\w-]{8}\.(\w+)$/.exec(builtName);
  if (!m) throw new Error(`[font-subset] ${builtName}: not a hashed build file name (name.<hash>.ext)`);
  return `${m[1]}.${contentHash(bytes)}.${m[2]}`;
}

/** Text with every old name replaced by its new one. */
export function renameAll(text: string, renames: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of renames) out = out.split(from).join(to);
  return out;
}

/** A Content-Security-Policy source for an inline element's text: "'sha256-…'". */
export const cspSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * A page with each renamed file's name replaced (old → new), and,
 * for each inline <style> that changed, its hash in the page's Content-Security-Policy <meta>
 * replaced by the new text's. Throws when a changed <style> has no hash in the policy to replace.
 */
export function renameInPage(html: string, renames: ReadonlyMap<string, string>, name = 'page'): string {
  const swap = (text: string) => renameAll(text, renames);
  const hashes: [string, string][] = [];
  let page = html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open: string, css: string, close: string) => {
    const renamed = swap(css);
    if (renamed !== css) hashes.push([cspSource(css), cspSource(renamed)]);
    return open + renamed + close;
  });
  page = swap(page);
  for (const [from, to] of hashes) {
    if (!page.includes(from)) throw new Error(`[font-subset] ${name}: an inline <style> names a font, but its hash ${from} is not in the page's Content-Security-Policy`);
    page = page.split(from).join(to);
  }
  return page;
}

/** Each missing character with the files that use it, as lines of the build error. */
export function missingReport(texts: ReadonlyMap<string, string>, faces: readonly Coverage[]): string[] {
  const lines: string[] = [];
  const where = new Map<string, string[]>();
  for (const [file, text] of texts) {
    for (const ch of missingChars(text, faces)) where.set(ch, [...(where.get(ch) ?? []), file]);
  }
  for (const [ch, files] of where) {
    lines.push(`${describeChar(ch)} on ${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`);
  }
  return lines;
}

export function fontSubset(): AstroIntegration {
  return {
    name: 'font-subset',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const texts = new Map<string, string>();
        let css = '';
        for (const file of filesUnder(root).filter((f) => /\.(html|css|js|svg)$/.test(f))) {
          const content = readFileSync(file, 'utf8');
          texts.set(relative(root, file), drawnText(file, content));
          if (file.endsWith('.css')) css += content;
          if (file.endsWith('.html')) for (const m of content.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += m[1];
        }
        // Each face once, in declaration order (every page declares them in the same order).
        const rules = [...new Map(faceRules(css, FAMILY).map((r) => [r.url, r])).values()];
        if (!rules.length) throw new Error(`[font-subset] no @font-face for "${FAMILY}" in dist/`);
        const builtPath = (rule: FaceRule) => join(root, rule.url.replace(/^.*\/_astro\//, '_astro/'));

        const sources = rules.map((r) => readFileSync(sourceFont(basename(r.url))));
        const sourceFaces: Coverage[] = await Promise.all(
          sources.map(async (s, i) => ({ unicodes: (await fontInfo(s)).unicodes, ranges: rules[i]!.ranges })),
        );
        const used = codePoints(SAFETY_TEXT + [...texts.values()].join(''));
        const perFace = assignCodePoints(used, sourceFaces);

        const written: Coverage[] = [];
        // Old file name → new, for each renamed file in _astro/ (names carry a hash: unique in dist/).
        const renames = new Map<string, string>();
        for (const [i, rule] of rules.entries()) {
          const out = await subsetWoff2(sources[i]!, perFace[i]!);
          const name = contentName(basename(rule.url), out);
          rmSync(builtPath(rule));
          writeFileSync(join(root, '_astro', name), out);
          renames.set(basename(rule.url), name);
          written.push({ unicodes: (await fontInfo(out)).unicodes, ranges: rule.ranges });
          logger.info(`${name}: ${perFace[i]!.size} characters, ${sources[i]!.length} → ${out.length} bytes`);
        }
        // A stylesheet or script in _astro/ that names a renamed file changes, so its own hashed name
        // goes stale: rename it by its new content too, until nothing more changes (files name each
        // other without cycles: fonts, then stylesheets, then scripts). Then the pages.
        for (let changed = true; changed; ) {
          changed = false;
          for (const file of filesUnder(join(root, '_astro')).filter((f) => /\.(css|js)$/.test(f))) {
            const content = readFileSync(file, 'utf8');
            const renamed = renameAll(content, renames);
            if (renamed === content) continue;
            const name = hashedName(basename(file), Buffer.from(renamed));
            rmSync(file);
            writeFileSync(join(root, '_astro', name), renamed);
            renames.set(basename(file), name);
            changed = true;
          }
        }
        for (const file of filesUnder(root).filter((f) => f.endsWith('.html'))) {
          const content = readFileSync(file, 'utf8');
          const renamed = renameInPage(content, renames, relative(root, file));
          if (renamed !== content) writeFileSync(file, renamed);
        }

        const missing = missingReport(texts, written);
        if (missing.length) {
          throw new Error(
            `[font-subset] ${missing.length} character(s) would be drawn in a fallback font, not ${FAMILY}:\n  ${missing.join('\n  ')}\n` +
              'Remove them, or, if the system font should draw them, add them to SYSTEM_FONT_CHARS (src/lib/font-subset.ts).',
          );
        }
      },
    },
  };
}
