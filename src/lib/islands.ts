/**
 * The site's island loader, on every page that has an island: a control (components/Island.astro:
 * the cohort toggle, Guess first) or a chart with one (ChartEntry.island: relative-vs-absolute's
 * slider, which its chart renders as an island itself, charts/kit/ChartIsland.svelte). The server
 * renders every island whole; an island's module only wires that markup up, so no page loads a
 * component framework's runtime. For each `[data-island]` element the loader waits for its moment
 * (near the viewport, or as soon as the page has painted), then, once the web font is ready and a
 * frame has painted, fetches the island's module (its own chunk), yields a task, and calls its
 * default export with the element and the props from the JSON block before it. It sets
 * data-hydrated="true" on the element when done. An unknown name or unreadable props leave the
 * server render as it is: the page still reads.
 *
 * The table: every committed `src/charts/<id>/island.ts`, named by its chart id, and the page's
 * controls by name. No island code is fetched before the first paint.
 */

import type { IslandStart } from './island-start';

type Loader = () => Promise<{ default: IslandStart }>;

const chartIslands = import.meta.glob<{ default: IslandStart }>('../charts/*/island.ts');

/** Island name → its module. */
export const ISLANDS: Readonly<Record<string, Loader>> = {
  ...Object.fromEntries(Object.entries(chartIslands).map(([path, load]) => [path.split('/').at(-2)!, load])),
  CohortToggle: () => import('../components/cohort-toggle'),
  GuessFirst: () => import('../components/guess-first'),
};

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
  const load = Object.hasOwn(ISLANDS, name) ? ISLANDS[name] : undefined;
  const props = islandProps(el);
  if (!load || !props) return;
  await afterFirstPaint();
  const island = await load();
  await nextTask();
  island.default(el, props);
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

for (const el of document.querySelectorAll<HTMLElement>('[data-island]')) {
  if (el.dataset.when === 'ready') void start(el);
  else whenInView(el);
}
