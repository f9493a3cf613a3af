/**
 * "Guess first" state shared by every guess widget on the page (components/guess-first.ts wires up
 * each one). Guesses live only in page memory: nothing is stored (no localStorage, no cookies). Only
 * in a build with GUESS_API is a revealed guess sent, once, to the guess service
 * (components/crowd/), which keeps the value and the hour and nothing else. Reloading the page
 * forgets them.
 */
import { formatDecimal } from './format';

/** Each wired-up widget's update, by its island element. */
const widgets = new Map<Element, () => void>();
let all = false;

export const guesses = {
  /** True once a reader presses "Reveal all answers": every widget then shows its figure. */
  get all(): boolean {
    return all;
  },
  set all(on: boolean) {
    if (on === all) return;
    all = on;
    // A widget no longer in the document has nothing left to show.
    for (const [el, update] of widgets) {
      if (el.isConnected) update();
      else widgets.delete(el);
    }
  },
};

/** Calls `update` whenever `guesses.all` changes, for as long as `el` is in the document. */
export function followGuesses(el: Element, update: () => void): void {
  widgets.set(el, update);
}

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

/** The text-anchor of a label at x% on the bar: near either end it grows inwards, so it never leaves the drawing. */
export const labelAnchor = (x: number): 'start' | 'middle' | 'end' => (x < 20 ? 'start' : x > 80 ? 'end' : 'middle');
