/**
 * Every chart on a page (components/Chart.astro) made one Tab stop for keyboard and sound
 * exploration: the frame's `[data-explore]` body (or, on a 'beside' slide, its drawing's SVG) takes
 * focus, and the chart's Listen button shows. The explorer itself (lib/explore/, its own chunk) is
 * fetched only when a reader first focuses a chart or presses Listen; keys pressed while it loads
 * are handed to it once it has. Charts draw every cohort on the server, so this is all the script a
 * chart without a control has.
 */
type ExploreModule = typeof import('./explore/index');

let explore: Promise<ExploreModule> | undefined;
const loadExplorer = () => (explore ??= import('./explore/index'));
/** The element of a chart that takes focus for exploring (the body, or its drawing's SVG: see the frame). */
const exploreTarget = (t: EventTarget | null) =>
  t instanceof Element && t.matches('[data-explore-target]') ? t : null;
const MOVES = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) {
  const body = figure.querySelector<HTMLElement>('[data-explore]');
  const target = body?.dataset.exploreRoot === 'svg' ? body.querySelector<SVGSVGElement>('svg') : body;
  if (!body || !target) continue;
  target.tabIndex = 0;
  target.setAttribute('data-explore-target', '');
  // A screen reader passes the arrow keys to an application, instead of reading on with them. Its
  // name is the chart's title; its description, the keys.
  target.setAttribute('role', 'application');
  target.setAttribute('aria-labelledby', `${figure.id}-title`);
  // A drawing layer is hidden from assistive technology (charts/kit/Svg.svelte) until it is the Tab stop.
  target.removeAttribute('aria-hidden');
  if (body.dataset.keys) target.setAttribute('aria-describedby', body.dataset.keys);
  figure.dataset.explore = 'ready';
}
document.addEventListener('focusin', (e) => {
  const target = exploreTarget(e.target);
  if (!target) return;
  // From now on the chart shows its keys whether or not it has focus (see the frame's styles).
  target.closest<HTMLElement>('figure[data-chart]')?.setAttribute('data-explored', '');
  void loadExplorer();
});
document.addEventListener('keydown', (e) => {
  const target = exploreTarget(e.target);
  if (!target || e.altKey || e.ctrlKey || e.metaKey) return;
  // The page does not scroll under a chart being explored, even before the explorer has loaded.
  if (MOVES.has(e.key)) e.preventDefault();
  const figure = target.closest<HTMLElement>('figure[data-chart]');
  if (figure) void loadExplorer().then((m) => m.explorer(figure)?.key(e));
});
document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('[data-listen]') : null;
  const figure = button?.closest<HTMLElement>('figure[data-chart]');
  if (figure) void loadExplorer().then((m) => m.explorer(figure)?.listen());
});
