/**
 * `client:inview`: like Astro's `client:visible` (hydrate when the island comes within `rootMargin`
 * of the viewport), but only once the web font is ready and a frame has painted, and with the
 * component's module evaluated in one task and the island hydrated in the next, so the browser can
 * paint and answer input in between instead of running one long task (yield.ts). Registered in
 * astro.config.mjs.
 * usage: <Chart client:inview /> ; <Chart client:inview={{ rootMargin: '400px 0px' }} />
 */
import type { ClientDirective } from 'astro';
import { hydrateInNextTask } from './yield';

const inview: ClientDirective = (load, options, el) => {
  const margin = typeof options.value === 'object' ? (options.value as { rootMargin?: string }).rootMargin : undefined;
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      void hydrateInNextTask(load);
    },
    { rootMargin: margin },
  );
  // <astro-island> is display: contents: observe what it holds.
  for (const child of el.children) io.observe(child);
};

export default inview;
