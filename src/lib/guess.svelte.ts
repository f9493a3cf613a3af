/**
 * "Guess first" state shared by every guess widget on the page (islands share this module). Guesses
 * live only in page memory: nothing is stored (no localStorage, no cookies). Only in a build with
 * GUESS_API is a revealed guess sent, once, to the guess service (components/crowd/), which keeps
 * the value and the hour and nothing else. Reloading the page forgets them.
 */
import { formatDecimal } from './format';

/** `all` turns true when a reader presses "Reveal all answers": every widget then shows its figure. */
export const guesses = $state({ all: false });

/**
 * The sentence under a revealed widget, with the distance in percentage points:
 * "You guessed 50%; the published figure is 88%: 38 points lower." With no guess (Skip, or
 * "Reveal all" before the slider moved, or no JavaScript): "The published figure is 88%."
 */
export function guessResult(guess: number | null, value: number): string {
  const published = `the published figure is ${formatDecimal(value)}%`;
  if (guess === null) return `T${published.slice(1)}.`;
  const gap = Math.abs(value - guess);
  const off = gap ? `${formatDecimal(gap)} point${gap === 1 ? '' : 's'} ${guess < value ? 'lower' : 'higher'}` : 'spot on';
  return `You guessed ${guess}%; ${published}: ${off}.`;
}
