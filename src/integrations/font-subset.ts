/**
 * Subsets the self-hosted web font to the characters the built site uses. After the build
 * (astro:build:done) it reads every page, stylesheet, script and exported SVG in dist/, finds the
 * @font-face rules of the site's family (inline <style> or CSS file) and writes, over each woff2
 * they reference, a subset of its source file with the characters that face draws (see
 * lib/font-subset.ts), plus a safety set. File names stay as they are, so no page (and no CSP
 * hash of an inline <style>) changes. Then it reads the written files back and fails the build,
 * naming the character and the files, when a character would be drawn in a fallback font.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
        for (const [i, rule] of rules.entries()) {
          const out = await subsetWoff2(sources[i]!, perFace[i]!);
          writeFileSync(builtPath(rule), out);
          written.push({ unicodes: (await fontInfo(out)).unicodes, ranges: rule.ranges });
          logger.info(`${basename(rule.url)}: ${perFace[i]!.size} characters, ${sources[i]!.length} → ${out.length} bytes`);
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
