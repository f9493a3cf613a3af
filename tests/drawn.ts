/**
 * What a chart draws, read from its rendering, for checks that the cohort changed the drawing and
 * not only an attribute. On a page every cohort's emphasis is in the markup and CSS picks one
 * (src/charts/kit/emphasis.css), so the markup alone says nothing: this reads what the browser
 * drew. For each rect, its classes and its rendered height (getBBox, which follows the CSS `height`
 * a chosen bar takes; its `height` attribute never changes); for each label, whether its ▶ is
 * displayed and its computed weight; each value's computed size; which shape of each marker is
 * displayed; and the description displayed (the `#<uid>-desc` paragraph whose display is not none).
 * It reads no `data-cohort`, `data-for` or `data-only`.
 *
 * Without a layout engine (jsdom: no getBBox, and computed styles that know none of the page's
 * CSS) it reads what the markup draws by itself, as in an image export, where the chosen cohort is
 * drawn by attributes: the `height` attribute, a ▶ unless it is the page's hidden-by-default one
 * (`.kit-mark`), the `font-weight` and `font-size` attributes or the export's `kit-on`, the
 * marker shapes other than the page's hidden-by-default grown one, and descriptions not `hidden`.
 *
 * `drawnState` uses nothing outside its own body, so it can be serialised into a page:
 * `figure.evaluate(drawnState)` in Playwright, or `session.run(drawnState, selector)` in the engine
 * tests (a selector, since their arguments are JSON).
 */

export interface DrawnState {
  /** One line per rect: its classes, the row or point it belongs to, its rendered height. */
  rects: string[];
  /** One line per label (the kit's, or any text with a ▶): its text, whether its ▶ is displayed, its weight. */
  labels: string[];
  /** One line per value: its text and size. */
  values: string[];
  /** One line per displayed marker shape: where it is, which shape (base or grown) and its size. */
  markers: string[];
  /** The description displayed: one paragraph when a chart describes the cohort shown. */
  description: string[];
}

/** Reads what a chart draws under `root`: a figure, a document holding one, or a selector for one. */
export function drawnState(root: ParentNode | string): DrawnState {
  const scope: ParentNode | null = typeof root === 'string' ? document.querySelector(root) : root;
  if (!scope) throw new Error(`drawnState: nothing matches ${String(root)}`);
  const doc = (scope as Node).ownerDocument ?? (scope as Document);
  const view = doc.defaultView;
  // A layout engine draws with the page's CSS; jsdom has no getBBox and its computed styles do not cascade it.
  const rendered =
    !!view &&
    typeof view.getComputedStyle === 'function' &&
    typeof (view as unknown as { SVGGraphicsElement?: { prototype: { getBBox?: unknown } } }).SVGGraphicsElement?.prototype.getBBox === 'function';
  const ROWS = ['data-point', 'data-claim', 'data-row', 'data-side', 'data-topic', 'data-reading'];
  const all = (selector: string) => Array.from(scope.querySelectorAll(selector));
  const classes = (el: Element) =>
    (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter((c) => c && !c.startsWith('svelte-'))
      .sort()
      .join('.');
  const where = (el: Element) => {
    const row = el.closest(ROWS.map((a) => `[${a}]`).join(','));
    return row ? ROWS.filter((a) => row.hasAttribute(a)).map((a) => `${a}=${row.getAttribute(a)}`).join(',') : '';
  };
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  /** Whether an element is displayed: neither it nor an ancestor (up to the scope) is display: none. */
  const shown = (el: Element) => {
    if (!rendered) return el.closest('[hidden], .kit-mark, .kit-marker-grown') === null;
    for (let at: Element | null = el; at; at = at.parentElement) {
      if (view!.getComputedStyle(at).display === 'none') return false;
      if (at === scope) break;
    }
    return true;
  };
  const style = (el: Element, property: 'fontWeight' | 'fontSize', attribute: string, chosen: string, plain: string) =>
    rendered ? view!.getComputedStyle(el)[property] : el.getAttribute(attribute) ?? (el.classList.contains('kit-on') ? chosen : plain);
  const round = (n: number) => String(Math.round(n * 10) / 10);

  const rects = all('rect').map((el) => {
    let height = el.getAttribute('height');
    // Gecko throws for the box of an element it does not render.
    if (rendered && shown(el)) {
      try {
        height = round((el as SVGGraphicsElement).getBBox().height);
      } catch {
        height = 'not rendered';
      }
    }
    return `${classes(el)}@${where(el)} h=${height}`;
  });
  // A chart's own text may carry a ▶ outside the kit's labels (an export's drawn by its chart).
  const labels = all('.kit-label, text')
    .filter((el) => el.matches('.kit-label') || text(el).includes('▶'))
    .map((el) => {
      const mark = Array.from(el.querySelectorAll('tspan')).find((t) => text(t).startsWith('▶')) ?? (text(el).startsWith('▶') ? el : undefined);
      const label = text(el).replace(/^▶\s*/, '');
      return `${label} ▶=${mark !== undefined && shown(mark) ? 'shown' : 'none'} w=${style(el, 'fontWeight', 'font-weight', '700', '400')}`;
    });
  const values = all('.kit-value').map((el) => `${text(el)} size=${style(el, 'fontSize', 'font-size', '15px', '14px')}`);
  const markers = all('.kit-marker')
    .filter(shown)
    .map((el) => {
      const shape = el.classList.contains('kit-marker-grown') ? 'grown' : el.classList.contains('kit-marker-base') ? 'base' : 'only';
      const size = el.getAttribute('r') ?? el.getAttribute('width') ?? el.getAttribute('d');
      return `${where(el)} ${el.tagName.toLowerCase()} ${shape} ${size}`;
    });
  const description = all('[id$="-desc"]').flatMap((desc) => {
    const parts = desc.querySelectorAll('p').length ? Array.from(desc.querySelectorAll('p')) : [desc];
    return parts.filter(shown).map(text);
  });
  return { rects, labels, values, markers, description };
}

/** Whether two drawn states differ in anything drawn. */
export function drawnDiffers(a: DrawnState, b: DrawnState): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
