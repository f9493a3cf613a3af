/**
 * Link-preview cards (build time only): a 1200 × 630 SVG, the shape social sites and messengers crop
 * a shared link's picture to, rasterised at 1x by png() in compose.ts with the same fonts as the
 * chart images. A chart card has the site's name, a title and a line under it on the left, the chart
 * drawn in export mode on the right, and its source line and credit across the foot; a plain card
 * (a page without a chart) has only the text. Sizes are chosen to stay legible when the card is
 * shown 600 px wide (text no smaller than 10 px there).
 */
import { flowLayers, resolveVars, tokens, DRAWING_WIDTH, type ChartDrawing } from './compose';
import { wrap, xml } from './text';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The most bytes a card's PNG may have: large images are dropped or slow to unfurl. */
export const CARD_BUDGET = 150 * 1024;

/** Names a card that is over budget, or null. Pure, so a test can prove it bites. */
export function overBudget(name: string, bytes: number, budget = CARD_BUDGET): string | null {
  return bytes > budget ? `card ${name}: ${bytes} bytes, over its budget of ${budget} bytes` : null;
}

export interface CardText {
  /** The big line: a chart's title, the story's headline, a page's title. */
  title: string;
  /** The line under it: a chart's takeaway, a page's purpose. */
  sub: string;
  /** Across the foot, above the credit: a chart's source line. */
  source?: string;
  /** The address printed in the credit. */
  url: string;
  /** The image's accessible name and description, in the SVG. */
  alt: string;
}

const M = 48;
const SITE_NAME = 'Tools to Teammates, explored';

interface Fit {
  size: number;
  lines: string[];
}

/**
 * The largest of `sizes` at which `text` wraps into `maxLines` lines of `width` px; at the smallest
 * size, the lines beyond `maxLines` are cut and the last ends with an ellipsis.
 */
export function fitText(text: string, width: number, sizes: readonly number[], maxLines: number, weight: 'regular' | 'bold'): Fit {
  for (const size of sizes) {
    const lines = wrap(text, width, size, weight);
    if (lines.length <= maxLines) return { size, lines };
  }
  const size = sizes[sizes.length - 1]!;
  const lines = wrap(text, width, size, weight).slice(0, maxLines);
  lines[maxLines - 1] = `${lines[maxLines - 1]!.replace(/[\s,;:.]+$/, '')}…`;
  return { size, lines };
}

/** Text lines from a baseline `y`, `gap` × size apart; returns the elements and the next baseline. */
function textLines(fit: Fit, x: number, y: number, cls: string, gap: number): { svg: string[]; bottom: number } {
  const svg = fit.lines.map(
    (line, i) => `<text x="${x}" y="${(y + i * fit.size * gap).toFixed(1)}" class="${cls}" style="font-size:${fit.size}px">${xml(line)}</text>`,
  );
  return { svg, bottom: y + (fit.lines.length - 1) * fit.size * gap };
}

const TITLE_GAP = 1.12;
const SUB_GAP = 1.3;

/**
 * The title and the line under it in a column `width` px wide and `room` px tall: the largest title
 * size, then the largest line size, at which both fit whole; failing that, the smallest sizes, the
 * title whole and the line cut short.
 */
export function textBlock(
  text: Pick<CardText, 'title' | 'sub'>,
  width: number,
  titleSizes: readonly number[],
  subSizes: readonly number[],
  room: number,
): { height: number; svg: (x: number, y: number) => string[] } {
  const heightOf = (size: number, lines: number, gap: number) => size + (lines - 1) * size * gap;
  const place = (title: Fit, sub: Fit) => {
    const between = title.size * 0.45 + sub.size;
    const titleHeight = heightOf(title.size, title.lines.length, TITLE_GAP);
    return {
      height: titleHeight + between + (sub.lines.length - 1) * sub.size * SUB_GAP + sub.size * 0.3,
      svg: (x: number, y: number) => [
        ...textLines(title, x, y + title.size * 0.8, 'c-title', TITLE_GAP).svg,
        ...textLines(sub, x, y + title.size * 0.8 + (titleHeight - title.size) + between, 'c-sub', SUB_GAP).svg,
      ],
    };
  };
  for (const ts of titleSizes) {
    const title = { size: ts, lines: wrap(text.title, width, ts, 'bold') };
    for (const ss of subSizes) {
      const block = place(title, { size: ss, lines: wrap(text.sub, width, ss, 'regular') });
      if (block.height <= room) return block;
    }
  }
  const ts = titleSizes[titleSizes.length - 1]!;
  const ss = subSizes[subSizes.length - 1]!;
  const title = { size: ts, lines: wrap(text.title, width, ts, 'bold') };
  let lines = wrap(text.sub, width, ss, 'regular').length;
  while (lines > 1 && place(title, fitText(text.sub, width, [ss], lines, 'regular')).height > room) lines--;
  return place(title, fitText(text.sub, width, [ss], lines, 'regular'));
}

/** The card's SVG: with a chart drawing, the chart layout; without, the plain one. */
export function cardSvg(text: CardText, drawing?: ChartDrawing): string {
  const t = tokens('light');
  const out: string[] = [];
  const foot = CARD_HEIGHT - M;
  // The foot: source line (if any) and credit, full width, small but legible.
  const credit = fitText(`${drawing ? 'Chart: ' : ''}${SITE_NAME} · ${text.url}`, CARD_WIDTH - 2 * M, [22, 20], 1, 'regular');
  out.push(...textLines(credit, M, foot, 'c-meta', 1.3).svg);
  let footTop = foot - credit.size;
  if (text.source) {
    const source = fitText(text.source, CARD_WIDTH - 2 * M, [22, 20], 2, 'regular');
    const top = foot - credit.size * 1.45 - (source.lines.length - 1) * source.size * 1.3;
    out.push(...textLines(source, M, top, 'c-meta', 1.3).svg);
    footTop = top - source.size;
  }
  const rule = footTop - 18;
  out.push(`<rect x="${M}" y="${rule}" width="${CARD_WIDTH - 2 * M}" height="2" fill="${t.hairline}"/>`);

  // The text column: the site's name, the title, the line under it, at the largest sizes that fit.
  const column = drawing ? 450 : CARD_WIDTH - 2 * M;
  const kicker = M + 34;
  out.push(`<text x="${M}" y="${kicker}" class="c-kicker">${xml(SITE_NAME)}</text>`);
  const block = textBlock(text, column, drawing ? [46, 42, 38, 34] : [72, 64, 56], drawing ? [28, 26, 24] : [36, 32, 28], rule - 30 - kicker - 24);
  // A plain card's text sits in the middle of its room; a chart card's starts at the top.
  const y0 = kicker + 24 + (drawing ? 0 : Math.max(0, (rule - 30 - kicker - 24 - block.height) / 2));
  out.push(...block.svg(M, y0));

  let css = '';
  if (drawing) {
    // The chart, as large as fits its box, centred in it.
    const box = { x: M + column + 36, y: M, width: CARD_WIDTH - M - (M + column + 36), height: rule - 24 - M };
    const flow = flowLayers(drawing, 0, 0);
    const scale = Math.min(box.width / DRAWING_WIDTH, box.height / flow.height, 1.25);
    const dx = box.x + (box.width - DRAWING_WIDTH * scale) / 2;
    const dy = box.y + (box.height - flow.height * scale) / 2;
    out.push(`<g transform="translate(${dx.toFixed(2)} ${dy.toFixed(2)}) scale(${scale.toFixed(4)})">${flow.lines.join('\n')}</g>`);
    css = drawing.css;
  }

  const style = resolveVars(
    `svg{font-family:'Source Sans 3',sans-serif}
text{fill:var(--ink)}
.c-kicker{font-size:24px;font-weight:600;fill:var(--full-time)}
.c-title{font-weight:700;fill:var(--ink)}
.c-sub{font-weight:400;fill:var(--ink)}
.c-meta{font-weight:400;fill:var(--ink-soft)}
${css}`,
    t,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" role="img" aria-label="${xml(text.title)}">
<title>${xml(text.title)}</title>
<desc>${xml(text.alt)}</desc>
<style>${style}</style>
<rect width="100%" height="100%" fill="${t.bg}"/>
<rect width="100%" height="10" fill="${t['full-time']}"/>
${out.join('\n')}
</svg>
`;
}
