/**
 * Chart id -> drawing component, for the client. Kept apart from registry.ts so that islands ship
 * only components, never the build-time selectors.
 */
import type { Component } from 'svelte';
import type { ChartProps } from './types';
import CohortComparison from './CohortComparison/CohortComparison.svelte';
// components:imports

export const COMPONENTS: Record<string, Component<ChartProps<any>>> = {
  'cohort-comparison': CohortComparison,
  'freelancer-gains': CohortComparison,
  // components:entries
};
