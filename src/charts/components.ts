/**
 * Chart id -> drawing component, for the client. Kept apart from registry.ts so that islands ship
 * only components, never the build-time selectors.
 */
import CohortComparison from './CohortComparison/CohortComparison.svelte';
// components:imports
import Productivity from './Productivity/Productivity.svelte';
import Reporting from './Reporting/Reporting.svelte';
import Sample from './Sample/Sample.svelte';
import QuitVisual from './QuitVisual/QuitVisual.svelte';
import RelativeExplainer from './RelativeExplainer/RelativeExplainer.svelte';

// Typed loosely: .ts files see .svelte imports through Astro's shim. ChartIsland narrows the type.
export const COMPONENTS: Record<string, unknown> = {
  'cohort-comparison': CohortComparison,
  'freelancer-gains': CohortComparison,
  'relative-vs-absolute': RelativeExplainer,
  'quit-twice': QuitVisual,
  productivity: Productivity,
  'who-said-what': Reporting,
  'who-was-asked': Sample,
  // components:entries
};
