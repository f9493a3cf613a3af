/**
 * Chart id -> drawing component, for the client. Kept apart from registry.ts so that islands ship
 * only components, never the build-time selectors.
 */
import CohortComparison from './CohortComparison/CohortComparison.svelte';
// components:imports

// Typed loosely: .ts files see .svelte imports through Astro's shim. ChartIsland narrows the type.
export const COMPONENTS: Record<string, unknown> = {
  'cohort-comparison': CohortComparison,
  'freelancer-gains': CohortComparison,
  // components:entries
};
