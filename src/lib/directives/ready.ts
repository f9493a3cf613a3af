/**
 * `client:ready`: hydrate as soon as the page has loaded its scripts, like `client:load`, but with
 * module evaluation and hydration in separate tasks (see inview.ts). Registered in astro.config.mjs.
 * usage: <CohortToggle client:ready />
 */
import type { ClientDirective } from 'astro';
import { hydrateInNextTask } from './yield';

const ready: ClientDirective = (load) => {
  void hydrateInNextTask(load);
};

export default ready;
