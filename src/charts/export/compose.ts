/**
 * Static exports of a chart (build time only): the chart rendered with svelte/server in the kit's
 * export mode, which records every SVG layer it draws (kit/Svg.svelte); those layers, framed with
 * title, takeaway, source and credit; the CSS of the components that rendered (found by their
 * scoping class in the markup), with colour tokens resolved (resvg does not know CSS variables);
 * and, by withEmbeddedFont(), the web font cut down to its text. png() rasterises the same SVG at 2x with @resvg/resvg-js.
 */
import Kit from '../kit/Kit.svelte';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { compile } from 'svelte/compiler';
import type { Component } from 'svelte';
import type { StoryCohort } from '../../lib/cohort-url';
import { STORY_COHORT_LABELS } from '../../lib/cohort-url';
import type { ExportLayer } from '../kit/context';
import type { ChartEntry, ChartProps, ChartSpec } from '../types';
import { wrap, xml } from './text';
import { codePoints, describeChar, fontInfo, missingChars, subsetWoff2, svgText } from '../../lib/font-subset';
import tokensCss from '../../styles/tokens.css?raw';

const require = createRequire(import.meta.url);

/** Logical width of an exported chart, px; the PNG is twice this. */
export const EXPORT_WIDTH = 640;
export const PNG_SCALE = 2;
const PAD = 20;
const INNER = EXPORT_WIDTH - 2 * PAD;

// Every chart and kit component's source, to compile its CSS once.
const SOURCES = import.meta.glob('/src/charts/**/*.svelte', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

let cssByScope: Map<string, string> | undefined;
/** Each component's compiled CSS, by its scoping class (the same class Astro's build gives it). */
function componentCss(): Map<string, string> {
  if (!cssByScope) {
    cssByScope = new Map();
    for (const [path, source] of Object.entries(SOURCES)) {
      // Svelte's scoping class is a hash of the absolute file name, as the build compiles it.
      const filename = join(process.cwd(), path);
      const code = compile(source, { filename, generate: 'server', css: 'external' }).css?.code;
      const scope = code && /\.(svelte-[a-z0-9]+)/.exec(code)?.[1];
      if (scope) cssByScope.set(scope, code);
    }
  }
  return cssByScope;
}

/** The CSS of exactly the components that rendered into `html`, with the scoping classes removed. */
export function usedCss(html: string): string {
  const scopes = new Set(html.match(/svelte-[a-z0-9]+/g) ?? []);
  const css = componentCss();
  const unknown = [...scopes].filter((scope) => !css.has(scope));
  if (unknown.length) throw new Error(`export: no component CSS for ${unknown.join(', ')} (was the build run from the project root?)`);
  return [...css]
    .filter(([scope]) => scopes.has(scope))
    .map(([, code]) => code)
    .join('\n')
    .replace(/\.svelte-[a-z0-9]+/g, '')
    .replace(/:where\(\)/g, '');
}

/** The colour tokens of a theme, from tokens.css. */
export function tokens(theme: 'light' | 'dark'): Record<string, string> {
  const selector = theme === 'light' ? ':root {' : ":root[data-theme='dark']";
  const start = tokensCss.indexOf(selector);
  const body = tokensCss.slice(tokensCss.indexOf('{', start) + 1, tokensCss.indexOf('}', start));
  const light = Object.fromEntries(
    [...tokensCss.slice(tokensCss.indexOf('{') + 1, tokensCss.indexOf('}')).matchAll(/--([\w-]+):\s*([^;]+);/g)].map(
      (m) => [m[1]!, m[2]!.trim()],
    ),
  );
  const own = Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  return { ...light, ...own };
}

/** Replaces var(--x) (and var(--x, fallback)) with the theme's values. */
export function resolveVars(css: string, t: Record<string, string>): string {
  let out = css;
  for (let i = 0; i < 4 && out.includes('var('); i++) {
    out = out.replace(/var\(--([\w-]+)(?:,\s*([^)]+))?\)/g, (_, name: string, fallback?: string) => t[name] ?? fallback ?? 'currentColor');
  }
  return out;
}

/**
 * The markup of each SVG layer the kit recorded, in order: the element that carries
 * data-kit-layer="n", to its matching end tag. A layer with a fixed export width (a 10×10 grid that
 * must stay square) flows beside its neighbours; the others span the full width.
 */
export function layerSvgs(html: string, layers: readonly ExportLayer[]): { markup: string; height: number; width: number | null }[] {
  return layers.map((layer, n) => {
    const at = html.search(new RegExp(`<svg\\b[^>]*\\sdata-kit-layer="${n}"`));
    if (at < 0) throw new Error(`export: layer ${n} was recorded but not found in the render`);
    return { markup: html.slice(at, svgEnd(html, at)), height: layer.height, width: layer.width };
  });
}

/** Where the <svg> element that starts at `i` ends, counting nested <svg> elements. */
function svgEnd(html: string, i: number): number {
  let depth = 0;
  const re = /<svg\b|<\/svg>/g;
  re.lastIndex = i;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    depth += m[0] === '</svg>' ? -1 : 1;
    if (depth === 0) return m.index + '</svg>'.length;
  }
  throw new Error('export: an <svg> layer is not closed');
}

/** The web font's two source files (Latin; Latin Extended, for the dagger), read once. */
let fontSources: { file: Buffer; unicodes: Set<number> }[] | undefined;
async function webFontSources() {
  fontSources ??= await Promise.all(
    ['latin', 'latin-ext'].map(async (subset) => {
      const file = readFileSync(require.resolve(`@fontsource-variable/source-sans-3/files/source-sans-3-${subset}-wght-normal.woff2`));
      return { file, unicodes: (await fontInfo(file)).unicodes };
    }),
  );
  return fontSources;
}

const hexRange = (cps: Iterable<number>) => [...cps].map((cp) => `U+${cp.toString(16).toUpperCase()}`).join(',');

/**
 * The export SVG with the web font embedded for browsers (SVG downloads), cut down to the
 * characters that SVG draws: a subset of the Latin file, and when the text needs one (the
 * dagger), a second face from Latin Extended limited to those characters by unicode-range. Throws,
 * naming the character, when a character of the text is in neither file (and not one of
 * SYSTEM_FONT_CHARS). The PNG is rendered from the SVG without it (resvg reads TTF files).
 */
export async function withEmbeddedFont(svg: string, name: string): Promise<string> {
  const sources = await webFontSources();
  const text = svgText(svg);
  const cps = [...codePoints(text)];
  const latin = new Set(cps.filter((cp) => sources[0]!.unicodes.has(cp)));
  const ext = new Set(cps.filter((cp) => !latin.has(cp) && sources[1]!.unicodes.has(cp)));
  const missing = missingChars(text, [latin, ext].map((unicodes) => ({ unicodes, ranges: null })));
  if (missing.length) throw new Error(`export: ${name} draws ${missing.map(describeChar).join(', ')}, which Source Sans 3's files do not have`);
  const face = async (file: Buffer, cps: Set<number>, range?: string) =>
    `@font-face{font-family:'Source Sans 3';font-weight:200 900;src:url(data:font/woff2;base64,${(await subsetWoff2(file, cps)).toString('base64')}) format('woff2');${range ? `unicode-range:${range};` : ''}}`;
  // Latin Extended is declared last, so tried first, but only for its own characters.
  let css = await face(sources[0]!.file, latin);
  if (ext.size) css += await face(sources[1]!.file, ext, hexRange(ext));
  return svg.replace('<style>', `<style>${css}\n`);
}

export interface ExportOptions {
  cohort: StoryCohort;
  theme?: 'light' | 'dark';
  /** Absolute URL of the chart's section in the story, printed as the credit. */
  storyUrl: string;
  /** "Sources: …" line. */
  sourceLine: string;
}

/** An exported image: the SVG and its size, px. */
export interface ExportedSvg {
  svg: string;
  width: number;
  height: number;
}

/** A chart as the site resolved it once (site/charts.ts): its entry, texts and data. */
export interface ResolvedChart {
  entry: ChartEntry<unknown>;
  spec: ChartSpec;
  data: unknown;
}

/** A chart drawn in export mode: its SVG layers, in order, and the CSS they need (tokens unresolved). */
export interface ChartDrawing {
  layers: { markup: string; height: number; width: number | null }[];
  css: string;
}

export function drawChart({ entry, data }: Pick<ResolvedChart, 'entry' | 'data'>, cohort: StoryCohort): ChartDrawing {
  const component = entry.component as Component<ChartProps<unknown>>;
  const layers: ExportLayer[] = [];
  const { body } = render(Kit as unknown as Component<Record<string, unknown>>, {
    props: { chart: component, data, cohort, uid: `x-${entry.id}`, mode: 'export', layers },
  });
  const css = usedCss(body);
  const clean = body
    .replace(/<!--[^>]*-->/g, '')
    .replace(/\s?svelte-[a-z0-9]+/g, '')
    .replace(/ class=""/g, '');
  if (!layers.length) throw new Error(`export: ${entry.id} drew no SVG layer (draw through kit/Svg.svelte)`);
  return { layers: layerSvgs(clean, layers), css };
}

/**
 * The layers laid out in flow, `INNER` px wide from (x0, y0): fixed-width layers sit side by side
 * while they fit; full-width layers get a row each. Returns the SVG elements and the height used.
 */
export function flowLayers(drawing: ChartDrawing, x0: number, y0: number): { lines: string[]; height: number } {
  const lines: string[] = [];
  let y = y0;
  let x = 0;
  let rowHeight = 0;
  const newRow = () => {
    if (rowHeight) y += rowHeight + 12;
    x = 0;
    rowHeight = 0;
  };
  for (const svg of drawing.layers) {
    const width = svg.width ?? INNER;
    if (svg.width === null || x + width > INNER) newRow();
    const inner = svg.markup.replace(/^<svg\b[^>]*>/, '').replace(/<\/svg>$/, '');
    lines.push(`<svg x="${x0 + x}" y="${y}" width="${width}" height="${svg.height}" overflow="visible">${inner}</svg>`);
    x += width + 24;
    rowHeight = Math.max(rowHeight, svg.height);
    if (svg.width === null) newRow();
  }
  newRow();
  // The last row's gap is not part of the drawing.
  return { lines, height: Math.max(0, y - y0 - 12) };
}

/** Width of the area a drawing is laid out in, px (the export's width less its padding). */
export const DRAWING_WIDTH = INNER;

export function exportSvg({ entry, spec, data }: ResolvedChart, o: ExportOptions): ExportedSvg {
  const t = tokens(o.theme ?? 'light');
  const drawing = drawChart({ entry, data }, o.cohort);

  const lines: string[] = [];
  let y = PAD;
  const text = (s: string, size: number, cls: string, weight: 'regular' | 'bold' = 'regular', gap = 1.25) => {
    for (const line of wrap(s, INNER, size, weight)) {
      y += size * gap;
      lines.push(`<text x="${PAD}" y="${y.toFixed(1)}" class="${cls}">${xml(line)}</text>`);
    }
  };
  text(spec.title, 22, 'x-title', 'bold', 1.2);
  y += 4;
  text(`Showing: ${STORY_COHORT_LABELS[o.cohort]}`, 13, 'x-meta');
  y += 12;
  const flow = flowLayers(drawing, PAD, y);
  lines.push(...flow.lines);
  if (flow.height) y += flow.height + 12;
  text(spec.takeaway, 15, 'x-takeaway', 'bold', 1.3);
  y += 6;
  text(o.sourceLine, 12, 'x-meta', 'regular', 1.35);
  text(`Chart: Tools to Teammates, explored · ${o.storyUrl}`, 12, 'x-meta', 'regular', 1.35);
  const height = Math.ceil(y + PAD);

  const style = resolveVars(
    `svg{font-family:'Source Sans 3',sans-serif}
text{fill:var(--ink)}
.x-title{font-size:22px;font-weight:700;fill:var(--ink)}
.x-takeaway{font-size:15px;font-weight:600;fill:var(--ink)}
.x-meta{font-size:12px;fill:var(--ink-soft)}
${drawing.css}`,
    t,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${EXPORT_WIDTH}" height="${height}" viewBox="0 0 ${EXPORT_WIDTH} ${height}" role="img" aria-label="${xml(spec.title)}">
<title>${xml(spec.title)}</title>
<desc>${xml(spec.descriptions[o.cohort])}</desc>
<style>${style}</style>
<rect width="100%" height="100%" fill="${t.bg}"/>
${lines.join('\n')}
</svg>
`;
  return { svg, width: EXPORT_WIDTH, height };
}

const FONT_FILES = ['400Regular/SourceSans3_400Regular.ttf', '600SemiBold/SourceSans3_600SemiBold.ttf', '700Bold/SourceSans3_700Bold.ttf'].map(
  (f) => require.resolve(`@expo-google-fonts/source-sans-3/${f}`),
);

/** Rasterises an export SVG, at 2x unless told (a card is drawn at its own size: 1). */
export async function png(svg: string, scale: number = PNG_SCALE): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Source Sans 3' },
  });
  return resvg.render().asPng();
}
