/**
 * The site's island loader, on every page that has an island (components/Island.astro). For each
 * `[data-island]` element it waits for its moment (near the viewport, or as soon as the page has
 * painted), then, only once the web font is ready and a frame has painted, fetches the island's
 * module (its own chunk: `virtual:islands`; it brings the component and Svelte's hydrate, so this
 * file imports nothing and no island code is fetched before the first paint), yields a task, and
 * hydrates the server render in place with the props from the JSON block before it. It sets data-hydrated="true" on the element when done.
 * An unknown name or unreadable props leave the server render as it is: the page still reads.
 *
 * It also makes every chart's body one Tab stop for keyboard and sound exploration (the frame's
 * `[data-explore]`) and shows the chart's Listen button; the explorer itself (lib/explore/, its own
 * chunk, `Explorer` in the table) is fetched only when a reader first focuses a chart or presses
 * Listen. Keys pressed while it loads are handed to it once it has.
 */
import type { Component, hydrate } from 'svelte';
import islands from 'virtual:islands';

/** What the explorer's chunk gives (a type-only import: the module itself loads on demand). */
type ExploreModule = typeof import('./explore/index');

/** What an island's module gives (src/integrations/chart-islands.ts, islandModule). */
interface IslandModule {
  default: Component<Record<string, unknown>>;
  hydrate: typeof hydrate;
}

/** A new task: input and paint can run before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * After the web font is ready and a frame has painted: the text is on screen in its final font
 * before any island code is fetched, so fetching and hydrating never hold back the first paint.
 */
async function afterFirstPaint(): Promise<void> {
  await document.fonts?.ready;
  // The second frame's callback runs only once the first frame (the text in its font) has painted.
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** The props of an island: the JSON data block just before it, or none. */
export function islandProps(el: Element): Record<string, unknown> | null {
  const block = el.previousElementSibling;
  if (!block?.matches('script[type="application/json"][data-island-props]')) return null;
  try {
    const props: unknown = JSON.parse(block.textContent ?? '');
    return props && typeof props === 'object' && !Array.isArray(props) ? (props as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function start(el: HTMLElement): Promise<void> {
  const name = el.dataset.island ?? '';
  const load = Object.hasOwn(islands, name) ? islands[name as keyof typeof islands] : undefined;
  const props = islandProps(el);
  if (!load || !props) return;
  await afterFirstPaint();
  const island = (await load()) as IslandModule;
  await nextTask();
  island.hydrate(island.default, { target: el, props });
  el.dataset.hydrated = 'true';
}

function whenInView(el: HTMLElement): void {
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      void start(el);
    },
    { rootMargin: el.dataset.margin },
  );
  // The island is display: contents: observe what it holds.
  for (const child of el.children) io.observe(child);
}

/** The story cohorts, as lib/cohort-url.ts lists them (a unit test holds the two together): this file imports nothing. */
export const COHORT_NAMES: readonly string[] = ['full-time', 'freelancers', 'all'];

// A chart with no island (ChartEntry.static) carries the cohort asked for, as an island's figure
// does; on the story, lib/cohort.svelte.ts then keeps it as the reader changes it. Allowlisted.
const asked = new URLSearchParams(location.search).get('cohort') ?? '';
if (COHORT_NAMES.includes(asked)) for (const f of document.querySelectorAll<HTMLElement>('figure[data-static]')) f.dataset.cohort = asked;

for (const el of document.querySelectorAll<HTMLElement>('[data-island]')) {
  if (el.dataset.when === 'ready') void start(el);
  else whenInView(el);
}

let explore: Promise<ExploreModule> | undefined;
const loadExplorer = () => (explore ??= islands.Explorer!() as Promise<ExploreModule>);
/** The element of a chart that takes focus for exploring (the body, or its drawing's SVG: see the frame). */
const exploreTarget = (t: EventTarget | null) => (t instanceof Element && t.matches('[data-explore-target]') ? t : null);
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
