/**
 * Svelte's hydrate(), alone: the island loader (lib/islands.ts) imports it on demand, so a page
 * fetches Svelte's runtime only with its first island, and only the parts its islands use.
 */
export { hydrate } from 'svelte';
