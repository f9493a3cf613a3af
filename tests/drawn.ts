/**
 * What a chart draws, read from its DOM, for checks that the cohort changed the drawing and not
 * only an attribute. It reads the emphasised marks (the kit's emphasis classes), the geometry of
 * every rect (`y`, `height`), where the ▶ sits and what it labels, and the description read for
 * the cohort (`#<uid>-desc`, unless hidden). It never reads `data-cohort`.
 *
 * `drawnState` uses nothing outside its own body, so Playwright can serialise it into the page:
 * `page.locator('figure').evaluate(drawnState)`. The same function reads jsdom documents of the
 * render snapshots in tests/render/drawn.test.ts.
 */

export interface DrawnState {
  /** One line per emphasised element: tag, classes, and the row or point it belongs to. */
  emphasis: string[];
  /** One line per rect: its classes, `y` and `height`. */
  rects: string[];
  /** One line per ▶: the `y` of its text and the text it marks. */
  markers: string[];
  /** The description read for the cohort shown (hidden ones are left out). */
  description: string[];
}

/** Reads what a chart draws under `root` (a figure, or a document holding one). */
export function drawnState(root: ParentNode): DrawnState {
  const EMPHASIS = ['kit-on', 'kit-chosen', 'kit-waffle-on', 'kit-halo', 'selected'];
  const ROW = '[data-point],[data-claim],[data-row],[data-side],[data-topic]';
  const classes = (el: Element) =>
    (el.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .sort()
      .join('.');
  const where = (el: Element) => {
    const row = el.closest(ROW);
    if (!row) return '';
    return ['data-point', 'data-claim', 'data-row', 'data-side', 'data-topic']
      .map((a) => (row.hasAttribute(a) ? `${a}=${row.getAttribute(a)}` : ''))
      .filter(Boolean)
      .join(',');
  };
  const hidden = (el: Element) => el.closest('[hidden],[aria-hidden="true"]:not(svg)') !== null;
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

  const emphasis: string[] = [];
  const rects: string[] = [];
  const markers: string[] = [];
  const description: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const cls = (el.getAttribute('class') ?? '').split(/\s+/);
    if (cls.some((c) => EMPHASIS.includes(c))) emphasis.push(`${el.tagName.toLowerCase()}.${classes(el)}@${where(el)}`);
    if (el.tagName.toLowerCase() === 'rect') {
      rects.push(`${classes(el)}@${where(el)} y=${el.getAttribute('y')} h=${el.getAttribute('height')}`);
    }
    if (el.tagName.toLowerCase() === 'tspan' && text(el).startsWith('▶')) {
      const label = el.parentElement;
      if (label) markers.push(`y=${label.getAttribute('y')} ${text(label)}`);
    }
    if ((el.getAttribute('id') ?? '').endsWith('-desc') && !hidden(el)) description.push(text(el));
  }
  return { emphasis, rects, markers, description };
}

/** Whether two drawn states differ in anything drawn. */
export function drawnDiffers(a: DrawnState, b: DrawnState): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}
