import { expect, test, type Page } from '@playwright/test';
import { STORY_CHARTS, toggleReady } from '../e2e/helpers';
import { registryChart } from '../registry';
import { gotoInFont, openChart } from './open-chart';

/**
 * Forced colours (Windows high contrast): every chart on its embed page and the cohort toggle on the
 * story, with `forced-colors: active` emulated, compared with baselines in __screenshots__/; and, per
 * chart, the computed colours of its marks. Chromium forces the colours of HTML, but not SVG fill and
 * stroke set from the site's tokens: the kit's and the charts' own forced-colours rules must, so a
 * chart that loses one fails here (a mark in an authored colour, or in the background's).
 */
test.use({ viewport: { width: 1024, height: 1000 }, colorScheme: 'light' });

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'light' });
});

/** The system colours a forced-colours drawing may use, as this browser computes them. */
const SYSTEM = ['Canvas', 'CanvasText', 'Highlight', 'HighlightText', 'GrayText', 'LinkText'] as const;
type System = (typeof SYSTEM)[number];

/** What a chart's marks are painted with under forced colours, read in the page. */
interface Reading {
  system: Record<System, string>;
  /** The colour behind the figure: the first ancestor's background that is not transparent. */
  background: string;
  /** The chart's main marks (bars, grid squares, reading markers, hatched segments). */
  marks: { what: string; paint: string; selected: boolean }[];
  /** Each "Not reported" placeholder: its outline and its words. */
  notReported: { group: string; stroke: string; strokeWidth: number; text: string }[];
  /** Every fill and stroke painted in the chart's SVG that is not one of the system colours. */
  stray: string[];
}

async function read(page: Page, chart: string): Promise<Reading> {
  return page.evaluate(
    ({ chart, names }) => {
      const probe = document.createElement('span');
      probe.style.forcedColorAdjust = 'none';
      document.body.append(probe);
      const system = Object.fromEntries(
        names.map((n) => {
          probe.style.color = n;
          return [n, getComputedStyle(probe).color];
        }),
      ) as Record<(typeof names)[number], string>;
      probe.remove();
      const known = new Set(Object.values(system));

      const figure = document.querySelector(`figure[data-chart="${chart}"]`)!;
      let background = 'rgba(0, 0, 0, 0)';
      for (let el: Element | null = figure; el; el = el.parentElement) {
        const bg = getComputedStyle(el).backgroundColor;
        if (!/^rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') {
          background = bg;
          break;
        }
      }

      const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].filter((c) => !c.startsWith('svelte-')).join('.')}`;
      /** Drawn: neither the element nor an ancestor in the figure is display: none (a marker's other size). */
      const drawn = (el: Element) => {
        for (let at: Element | null = el; at && at !== figure; at = at.parentElement) if (getComputedStyle(at).display === 'none') return false;
        return true;
      };
      const cohort = document.documentElement.dataset.cohort ?? '';
      const marks = [...figure.querySelectorAll('.kit-bar, .kit-hatch-segment, .kit-sq.kit-filled, .kit-marker')].filter(drawn).map((el) => {
        const cs = getComputedStyle(el);
        // Hollow markers and hatched segments are drawn by their line; the rest by their fill.
        const byLine = el.matches('.kit-hollow, .kit-hatch-segment');
        // The page's cohort's marks: the mark, or what it belongs to, stands for that side (data-for).
        const side = el.closest('[data-for]')?.getAttribute('data-for')?.split(/\s+/) ?? [];
        return { what: describe(el), paint: byLine ? cs.stroke : cs.fill, selected: side.includes(cohort) };
      });

      const notReported = [...figure.querySelectorAll('[data-missing="not-reported"]')].map((g) => {
        const rect = getComputedStyle(g.querySelector('rect')!);
        return {
          group: g.getAttribute('data-group') ?? '',
          stroke: rect.stroke,
          strokeWidth: parseFloat(rect.strokeWidth),
          text: getComputedStyle(g.querySelector('text')!).fill,
        };
      });

      const stray: string[] = [];
      for (const el of figure.querySelectorAll('svg rect, svg circle, svg path, svg line, svg polygon, svg polyline, svg ellipse, svg text, svg tspan')) {
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.visibility === 'hidden') continue;
        const paints: [string, string][] = [['stroke', cs.stroke]];
        if (el.tagName !== 'line') paints.push(['fill', cs.fill]);
        for (const [prop, value] of paints) {
          if (value === 'none' || value.startsWith('url(') || known.has(value)) continue;
          stray.push(`${describe(el)} ${prop}: ${value}`);
        }
      }
      return { system, background, marks, notReported, stray };
    },
    { chart, names: [...SYSTEM] },
  );
}

for (const chart of STORY_CHARTS) {
  test(`${chart} in forced colours looks as in its baseline`, async ({ page }) => {
    const figure = await openChart(page, chart, 'full-time', 'light');
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await expect(figure).toHaveScreenshot(`forced-colors-${chart}.png`);
  });

  test(`${chart} in forced colours paints its marks in system colours, apart from the background`, async ({ page }) => {
    // Both themes: the rules must not lean on the tokens of either.
    for (const theme of ['light', 'dark']) {
      await openChart(page, chart, 'full-time', theme);
      const r = await read(page, chart);
      expect(r.background, 'the page background is the system Canvas').toBe(r.system.Canvas);
      expect(r.stray, `${theme}: fills and strokes not in a system colour`).toEqual([]);

      expect(r.marks.length, 'the chart has main marks').toBeGreaterThan(0);
      // A chart that draws the same in every cohort (ChartEntry.sameInEveryCohort) has no chosen marks; every other has some.
      expect(r.marks.some((m) => m.selected), 'the chosen cohort has marks').toBe(!registryChart(chart).sameInEveryCohort);
      expect(r.marks.some((m) => !m.selected), 'another group has marks').toBe(true);
      for (const m of r.marks) {
        expect(m.paint, `${theme}: ${m.what} stands apart from the background`).not.toBe(r.background);
        expect(m.paint, `${theme}: ${m.what}${m.selected ? ' (chosen cohort)' : ''}`).toBe(m.selected ? r.system.Highlight : r.system.CanvasText);
      }
      for (const nr of r.notReported) {
        expect(nr.stroke, `${theme}: the Not reported outline for ${nr.group}`).toBe(r.system.CanvasText);
        expect(nr.strokeWidth, `${theme}: the Not reported outline for ${nr.group} has a width`).toBeGreaterThanOrEqual(1);
        expect(nr.text, `${theme}: the words "Not reported" for ${nr.group}`).toBe(r.system.CanvasText);
      }
    }
  });
}

test('the forced-colours checks find Not reported marks to check', async ({ page }) => {
  // The per-chart tests check every placeholder they find; this one checks they find some.
  let found = 0;
  for (const chart of STORY_CHARTS) {
    await openChart(page, chart, 'full-time', 'light');
    found += (await read(page, chart)).notReported.length;
  }
  expect(found).toBeGreaterThan(0);
});

test('the keyboard explorer’s ring is drawn in Highlight in forced colours', async ({ page }) => {
  const chart = STORY_CHARTS[0]!;
  await openChart(page, chart, 'full-time', 'light');
  const [stroke, highlight] = await page.evaluate((chart) => {
    const svg = document.querySelector(`figure[data-chart="${chart}"] svg.kit-svg`)!;
    const ring = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    ring.setAttribute('class', 'explore-ring');
    ring.setAttribute('width', '40');
    ring.setAttribute('height', '20');
    svg.append(ring);
    const probe = document.createElement('span');
    probe.style.forcedColorAdjust = 'none';
    probe.style.color = 'Highlight';
    document.body.append(probe);
    return [getComputedStyle(ring).stroke, getComputedStyle(probe).color];
  }, chart);
  expect(stroke).toBe(highlight);
});

test('the cohort toggle in forced colours shows the choice and the focus ring', async ({ page }) => {
  // The toggle is drawn after hydration, in the face the page's heading is drawn in.
  await gotoInFont(page, '/', 'h1');
  await toggleReady(page);
  const chosen = page.getByRole('radio', { name: 'Full-time employees' });
  for (let i = 0; i < 60 && !(await chosen.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(chosen).toBeFocused();
  const [segment, other, system] = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.forcedColorAdjust = 'none';
    document.body.append(probe);
    const sys = (c: string) => ((probe.style.color = c), getComputedStyle(probe).color);
    const system = { Canvas: sys('Canvas'), Highlight: sys('Highlight'), HighlightText: sys('HighlightText') };
    const style = (el: Element) => {
      const cs = getComputedStyle(el);
      return { background: cs.backgroundColor, color: cs.color, outline: cs.outlineColor, outlineStyle: cs.outlineStyle };
    };
    const segment = style(document.querySelector('.segment:has(input:focus-visible)')!);
    const other = style(document.querySelector('.segment:not(.checked)')!);
    return [segment, other, system];
  });
  expect(segment.background, 'the chosen option is filled').toBe(system.Highlight);
  expect(segment.color).toBe(system.HighlightText);
  expect(other.background, 'an option not chosen is not').not.toBe(system.Highlight);
  expect(segment.outlineStyle, 'the focused option has a ring').toBe('solid');
  expect(segment.outline, 'the ring stands apart from the option it is drawn on').not.toBe(segment.background);
  await expect(page.locator('[data-cohort-toggle]')).toHaveScreenshot('forced-colors-cohort-toggle.png');
});
