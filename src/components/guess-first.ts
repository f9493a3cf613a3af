/**
 * "Guess first" in the browser: wires up the markup GuessFirst.svelte renders on the server (inside
 * the island of GuessFirst.astro), with no component runtime. Once wired up, the controls are live
 * and the answer waits, unless "Reveal all answers" was pressed already. The slider says the guess
 * in words; Reveal shows the published share and the guess on one bar, with the distance in
 * percentage points; Skip shows the figure without a guess; "Reveal all answers" (one widget per
 * page) opens every widget, including ones wired up later, and a guess counts there only if the
 * reader moved that slider. Each step keeps to the markup's classes, attributes and text, which the
 * styles, the visual baselines and the browser tests read. Guesses stay in page memory (lib/guess.ts).
 *
 * In a build with GUESS_API, Reveal and Skip also open "How readers guessed" under the bar: at once a
 * slot with its final height, then the crowd panel's code (crowd/), fetched only now, draws in it.
 * Reveal sends the guess; Skip sends nothing; "Reveal all answers" asks for no crowd. Without
 * GUESS_API, `__GUESS_API__` is '' and the bundler drops all of it.
 */
import loadCrowd from 'virtual:guess-crowd';
import type { IslandStart } from '../lib/island-start';
import { followGuesses, guessResult, guesses, labelAnchor } from '../lib/guess';

interface Props {
  /** Id prefix: the slider is `${uid}-r`, the result `${uid}-a`. */
  uid: string;
  /** The published share, 0–100. */
  value: number;
  /** The figure id, which the guess service knows the question by. */
  id: string;
}

const SVG = 'http://www.w3.org/2000/svg';
/** How long the bar takes to fill from 0 to the published share (ms); at once with reduced motion. */
const FILL_MS = 600;

/** An SVG element with its attributes in the order given, appended to `parent`. */
function draw(parent: Element, name: string, attributes: Record<string, string>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  if (text !== undefined) el.textContent = text;
  return parent.appendChild(el);
}

/** Sets a node's text only when it changes. */
function say(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The parts of the server render that change, or null if the markup is not the component's. */
function parts(el: HTMLElement) {
  const ask = el.querySelector<HTMLElement>('.guess-ask');
  const answer = el.querySelector<HTMLElement>('.guess-answer');
  const drawing = answer?.querySelector('.guess-bar svg');
  const [go, skip, revealAll] = ask?.querySelectorAll('button') ?? [];
  const found = {
    ask,
    slider: ask?.querySelector<HTMLInputElement>('input[type="range"]'),
    typed: ask?.querySelector('b'),
    go,
    skip,
    revealAll,
    answer,
    result: answer?.querySelector<HTMLElement>('.guess-result'),
    bar: drawing?.parentElement,
    drawing,
    fill: drawing?.querySelector('.guess-fill'),
    pub: drawing?.querySelector('.guess-pub'),
    live: el.querySelector('[aria-live="polite"]'),
  };
  return Object.values(found).every(Boolean)
    ? (found as { [K in keyof typeof found]: NonNullable<(typeof found)[K]> })
    : null;
}

const start: IslandStart = (el, props) => {
  const { uid, value, id } = props as unknown as Props;
  // Markup that is not the component's stays as the server rendered it: the figure is on the page.
  const found = parts(el);
  if (!found) return;
  const { ask, slider, typed, go, skip, revealAll, answer, result, bar, drawing, fill, pub, live } = found;

  /** Reveal or Skip pressed in this widget; skipped means there is no guess to compare. */
  let own = false;
  let skipped = false;
  let moved = false;
  let guess = Number(slider.defaultValue);
  /** The guess drawn on the bar, and its three marks. */
  let marked: number | null = null;
  let marks: Element[] = [];
  /** Where the bar's fill is drawn to, and where it is heading. */
  let at = value;
  let target = value;
  let frame = 0;

  /** The fill and the published figure's label at x%. */
  function drawFill(x: number): void {
    at = x;
    fill.setAttribute('width', `${x}%`);
    pub.setAttribute('x', `${x}%`);
    pub.setAttribute('text-anchor', labelAnchor(x));
  }

  /** Moves the fill to `to` at an even pace over FILL_MS, or at once under reduced motion. */
  function fillTo(to: number): void {
    if (to === target) return;
    target = to;
    cancelAnimationFrame(frame);
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return drawFill(to);
    const from = at;
    const begun = performance.now();
    // Timed by the clock at each frame, not the frame's own stamp, which can be earlier than `begun`.
    const step = () => {
      const t = (performance.now() - begun) / FILL_MS;
      if (t >= 1) return drawFill(to);
      drawFill(from + (to - from) * t);
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  }

  /** The guess on the bar: a line over a halo, and its label under the bar; none for null. */
  function drawMark(mark: number | null): void {
    if (mark === marked) return;
    marked = mark;
    for (const m of marks.splice(0)) m.remove();
    if (mark === null) return;
    const x = `${mark}%`;
    marks = [
      draw(drawing, 'line', { class: 'guess-halo', y1: '17', y2: '47', x1: x, x2: x }),
      draw(drawing, 'line', { class: 'guess-mark', y1: '17', y2: '47', x1: x, x2: x }),
      draw(
        drawing,
        'text',
        { class: 'guess-you', y: '62', x, 'text-anchor': labelAnchor(mark) },
        `Your guess: ${mark}%`,
      ),
    ];
  }

  /** Shows what the state says: the controls until the widget opens, then the answer. */
  function update(): void {
    const open = own || guesses.all;
    ask.classList.toggle('off', open);
    ask.toggleAttribute('inert', open);
    answer.classList.toggle('off', !open);
    // After "Reveal all answers" a guess counts only if the reader moved the slider.
    const mark = open && !skipped && (own || moved) ? guess : null;
    say(result, guessResult(mark, value));
    drawMark(mark);
    fillTo(open ? value : 0);
  }

  /**
   * How readers guessed (GUESS_API builds only): the slot opens under the bar with its final height
   * (crowd/crowd.css), then the panel's code loads into it; if that code cannot be fetched, the
   * slot says so in the panel's quiet line.
   */
  function askCrowd(): void {
    if (bar.nextElementSibling?.matches('.guess-crowd-slot')) return;
    const slot = document.createElement('div');
    slot.className = 'guess-crowd-slot';
    bar.after(slot);
    const crowd = { uid, question: id, value, guess: skipped ? null : guess, api: __GUESS_API__ };
    loadCrowd().then(
      (m) => m.show(slot, crowd),
      () => {
        const line = slot.appendChild(document.createElement('p'));
        line.className = 'guess-crowd-say';
        line.dataset.crowd = 'unavailable';
        // As CROWD_UNAVAILABLE in crowd/crowd.ts says it (a unit test holds the two together).
        line.textContent = "Readers' guesses are not available right now.";
      },
    );
  }

  function reveal(noGuess: boolean, all = false): void {
    skipped = noGuess;
    if (all) guesses.all = true;
    else own = true;
    update();
    say(live, all ? 'Every answer on this page is now shown.' : (result.textContent ?? ''));
    if (__GUESS_API__ && !all) askCrowd();
    result.focus();
  }

  slider.addEventListener('input', () => {
    guess = Number(slider.value);
    moved = true;
    slider.setAttribute('aria-valuetext', `Your guess: ${guess}%`);
    say(typed, `${guess}%`);
  });
  go.addEventListener('click', () => reveal(false));
  skip.addEventListener('click', () => reveal(true));
  revealAll.addEventListener('click', () => reveal(!moved, true));

  // The guess is state from here on: the slider keeps its value and drops the markup's default.
  slider.removeAttribute('value');
  slider.value = String(guess);
  // Ready: the bar starts empty, unless every answer is shown already.
  target = guesses.all ? value : 0;
  drawFill(target);
  update();
  followGuesses(el, update);
};

export default start;
