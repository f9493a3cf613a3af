/**
 * A "Guess first" widget as a page has it, for the component tests: inside GuessFirst.astro's frame
 * (its label is the question), the island element holding GuessFirst.svelte's server markup, wired
 * up by the island's module (components/guess-first.ts). No Svelte runs in the page.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { within } from '@testing-library/svelte';
import start from '../../src/components/guess-first';

export interface GuessProps {
  uid: string;
  value: number;
  revealAll?: boolean;
  id: string;
}

// This project compiles .svelte files for the browser: the component's server build is asked for by
// query (vite-plugin-svelte compiles the file with these options).
const SERVER = `?svelte&direct&type=script&compilerOptions=${encodeURIComponent(JSON.stringify({ generate: 'server' }))}`;
const { default: GuessFirst } = (await import(
  /* @vite-ignore */ `../../src/components/GuessFirst.svelte${SERVER}`
)) as { default: Component<GuessProps> };

/** The server render's markup, as Astro puts it in the page. */
export const serverMarkup = (props: GuessProps): string => render(GuessFirst, { props }).body;

/**
 * Appends a widget to document.body, wired up as the island loader does it (unless `wire` is
 * false: the page before its island loads, or without JavaScript).
 */
export function widget(props: GuessProps, question = 'Question?', wire = true) {
  const frame = document.body.appendChild(document.createElement('div'));
  frame.dataset.guess = props.id;
  frame.innerHTML = `<label for="${props.uid}-r">${question}</label><div class="island" data-island="GuessFirst">${serverMarkup(props)}</div>`;
  const island = frame.querySelector<HTMLElement>('[data-island]')!;
  if (wire) {
    start(island, { ...props });
    island.dataset.hydrated = 'true';
  }
  return { w: within(frame), frame, island };
}
