/**
 * A histogram of guesses in 20 five-point bins, drawn into an <svg> with attributes only (x and
 * width in %, so it fills any width, y in px): the site's Content-Security-Policy allows no style
 * attribute. The published figure is the strongest mark, drawn last, with its label on top; the
 * guesses are quieter. A numbers table beside it says the same in rows (and is what tests read).
 * Styles: class.css (.ch-*).
 */
import { BIN_WIDTH } from '../lib/crowd-rules';

/** "55–60%" for bin i (as the readers' panel labels its bins; kept here so this page's code stays apart from the islands' shared chunk). */
export const binLabel = (i: number): string => `${i * BIN_WIDTH}–${(i + 1) * BIN_WIDTH}%`;

const NS = 'http://www.w3.org/2000/svg';
const pct = (v: number) => `${Number(v.toFixed(3))}%`;
const anchor = (x: number) => (x < 20 ? 'start' : x > 80 ? 'end' : 'middle');

function el<K extends keyof SVGElementTagNameMap>(parent: Element, name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

export interface HistogramOptions {
  /** The published figure, or null when there is none ("not published"). */
  published: number | null;
  /** Drawing height in px (the bins take what the labels leave). */
  height?: number;
  /** Another mark in the guess colour, e.g. the student's own guess. */
  own?: { value: number; label: string } | null;
}

/** Draws the bins and marks into `svg`, replacing what it held. */
export function drawHistogram(svg: SVGSVGElement, bins: readonly number[], { published, height = 160, own = null }: HistogramOptions): void {
  svg.replaceChildren();
  svg.setAttribute('height', String(height));
  svg.setAttribute('width', '100%');
  const top = 24;
  const base = height - (own ? 40 : 24);
  const most = Math.max(1, ...bins);
  bins.forEach((count, i) => {
    if (count <= 0) return;
    const h = (count / most) * (base - top);
    el(svg, 'rect', { class: 'ch-bin', x: pct(i * 5 + 0.4), width: pct(4.2), y: base - h, height: h });
  });
  el(svg, 'line', { class: 'ch-axis', x1: 0, x2: '100%', y1: base + 0.5, y2: base + 0.5 });
  for (const t of [0, 25, 50, 75, 100]) {
    el(svg, 'line', { class: 'ch-axis', x1: pct(t), x2: pct(t), y1: base, y2: base + 5 });
    el(svg, 'text', { class: 'ch-tick', x: pct(t), y: base + 19, 'text-anchor': t === 0 ? 'start' : t === 100 ? 'end' : 'middle' }, `${t}%`);
  }
  if (own) {
    el(svg, 'line', { class: 'ch-halo', x1: pct(own.value), x2: pct(own.value), y1: top, y2: base + 4 });
    el(svg, 'line', { class: 'ch-own', x1: pct(own.value), x2: pct(own.value), y1: top, y2: base + 4 });
    el(svg, 'text', { class: 'ch-own-label', x: pct(own.value), y: height - 3, 'text-anchor': anchor(own.value) }, own.label);
  }
  if (published !== null) {
    el(svg, 'line', { class: 'ch-halo', x1: pct(published), x2: pct(published), y1: top - 6, y2: base });
    el(svg, 'line', { class: 'ch-pub', x1: pct(published), x2: pct(published), y1: top - 6, y2: base });
    el(svg, 'text', { class: 'ch-pub-label', x: pct(published), y: 13, 'text-anchor': anchor(published) }, `Published figure: ${published}%`);
  } else {
    el(svg, 'text', { class: 'ch-pub-label', x: '100%', y: 13, 'text-anchor': 'end' }, 'Published figure: not published');
  }
}

/** Fills a <tbody> with one row a bin: "40–45%" and its count. */
export function fillTable(body: HTMLTableSectionElement, bins: readonly number[]): void {
  body.replaceChildren(
    ...bins.map((count, i) => {
      const tr = document.createElement('tr');
      const th = tr.appendChild(document.createElement('th'));
      th.scope = 'row';
      th.textContent = binLabel(i);
      tr.appendChild(document.createElement('td')).textContent = String(count);
      tr.dataset.bin = String(i);
      return tr;
    }),
  );
}
