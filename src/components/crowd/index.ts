/**
 * The crowd panel's chunk (GUESS_API builds only, loaded after a reveal by GuessFirst.svelte through
 * virtual:guess-crowd): mounts CrowdPanel into the slot the widget opened.
 */
import { mount, type Component } from 'svelte';
import CrowdPanel from './CrowdPanel.svelte';

export interface CrowdProps {
  uid: string;
  question: string;
  value: number;
  guess: number | null;
  api: string;
}

/** Draws "How readers guessed" in the slot, and asks the service. */
export function show(slot: HTMLElement, props: CrowdProps): void {
  // Seen from a .ts file, a .svelte module has Astro's component type (as in lib/islands.ts): it is Svelte's.
  mount(CrowdPanel as unknown as Component<CrowdProps>, { target: slot, props });
}
