/**
 * "How N readers guessed", under a revealed "Guess first" widget in a build with GUESS_API: it sends
 * the reader's guess (none after Skip), asks the guess service how readers guessed, and draws the
 * answer as a histogram of 20 five-point bins. The published figure comes first and strongest (its
 * own line and bold label, in ink); the reader's guess is marked in the widget's colour; the crowd is
 * drawn in a quieter grey. A sentence names the gap between the crowd's middle guess and the published
 * figure; a description and a numbers table say it all in words; a line says these are readers'
 * guesses, not survey data.
 *
 * The crowd panel's chunk (GUESS_API builds only), loaded only after a reveal: Guess first imports it
 * through virtual:guess-crowd and calls `show` with the slot it opened at the reveal, whose rows
 * already hold their final height. The axis with both marks is drawn at once, the bins fill in, and
 * on any failure one quiet line takes the sentence's place. Nothing below moves. Plain DOM code, so
 * the chunk brings no component framework with it. States, for tests: data-crowd = loading | ready |
 * few | unavailable; the count in [data-crowd-count]. Styles: crowd.css (global, only in a build
 * with GUESS_API).
 * usage: show(slot, { uid: 'guess-burnout-share', question: 'burnout-share', value: 88, guess: 53, api: '/api/' })
 */
import { pct } from '../../charts/kit/layout';
import { formatDecimal, formatInt } from '../../lib/format';
import { href } from '../../lib/paths';
import {
  BIN_WIDTH,
  CROWD_UNAVAILABLE,
  binLabel,
  crowdDescription,
  crowdFew,
  crowdGap,
  crowdHeading,
  fetchCrowd,
} from './crowd';

export interface CrowdProps {
  /** The widget's id prefix. */
  uid: string;
  /** The figure id (a key of GUESS_QUESTIONS). */
  question: string;
  /** The published share, 0–100, from the page. */
  value: number;
  /** The reader's guess, or null after Skip. */
  guess: number | null;
  /** GUESS_API. */
  api: string;
}

/** Drawing, px: the published label on top, the bins, the axis, the guess's label at the bottom. */
const TOP = 18;
const BASE = 80;
const HEIGHT = 118;

const SVG = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number>;
type Child = Node | string;

/** `el` with its attributes, set in the order given, and its children. */
function build<E extends Element>(el: E, attrs: Attrs, children: Child[]): E {
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children);
  return el;
}
const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]) =>
  build(document.createElement(tag), attrs, children);
const s = (tag: string, attrs: Attrs, ...children: Child[]) =>
  build(document.createElementNS(SVG, tag), attrs, children);

/** A label near either end of the axis grows inwards, so it never leaves the drawing. */
const anchor = (x: number) => (x < 20 ? 'start' : x > 80 ? 'end' : 'middle');

/** A vertical mark at share x, over a halo of the background that parts it from what lies under it. */
const mark = (className: string, x: number, y1: number, y2: number) => [
  s('line', { class: 'guess-crowd-halo', y1, y2, x1: pct(x), x2: pct(x) }),
  s('line', { class: className, y1, y2, x1: pct(x), x2: pct(x) }),
];

/** The axis with its ticks, the reader's guess and the published figure; the bins go in later, before `base`. */
function plot(value: number, guess: number | null): { svg: SVGElement; base: SVGElement } {
  const base = s('line', { class: 'guess-crowd-base', x1: '0', x2: '100%', y1: BASE + 0.5, y2: BASE + 0.5 });
  const svg = s('svg', { class: 'guess-crowd-plot', width: '100%', 'aria-hidden': 'true', height: HEIGHT }, base);
  for (const t of [0, 25, 50, 75, 100]) {
    svg.append(
      s('line', { class: 'guess-crowd-tick', y1: BASE, y2: BASE + 5, x1: pct(t), x2: pct(t) }),
      s(
        'text',
        {
          class: 'guess-crowd-tick-label',
          y: BASE + 18,
          x: pct(t),
          'text-anchor': t === 0 ? 'start' : t === 100 ? 'end' : 'middle',
        },
        `${t}%`,
      ),
    );
  }
  if (guess !== null) {
    svg.append(
      ...mark('guess-crowd-you', guess, TOP, BASE + 4),
      s(
        'text',
        { class: 'guess-crowd-you-label', y: HEIGHT - 3, x: pct(guess), 'text-anchor': anchor(guess) },
        `You: ${formatDecimal(guess)}%`,
      ),
    );
  }
  // Last, so it is drawn over the bins and the guess: the published figure is the strongest mark.
  svg.append(
    ...mark('guess-crowd-pub', value, TOP - 4, BASE),
    s(
      'text',
      { class: 'guess-crowd-pub-label', y: '11', x: pct(value), 'text-anchor': anchor(value) },
      `Published figure: ${formatDecimal(value)}%`,
    ),
  );
  return { svg, base };
}

/** One bar per bin with guesses, the tallest the full height between TOP and BASE. */
function bars(bins: readonly number[]): SVGElement[] {
  const most = Math.max(1, ...bins);
  return bins.flatMap((count, i) =>
    count > 0
      ? [
          s('rect', {
            class: 'guess-crowd-bin',
            x: pct(i * BIN_WIDTH + 0.4),
            width: pct(BIN_WIDTH - 0.8),
            y: BASE - (count / most) * (BASE - TOP),
            height: (count / most) * (BASE - TOP),
          }),
        ]
      : [],
  );
}

/** Every bin's count, in order. */
const table = (bins: readonly number[]) =>
  h(
    'table',
    { 'aria-label': "Readers' guesses in 5-point bins" },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Guess'), h('th', { scope: 'col' }, 'Readers'))),
    h(
      'tbody',
      {},
      ...bins.map((count, i) => h('tr', {}, h('th', { scope: 'row' }, binLabel(i)), h('td', {}, formatInt(count)))),
    ),
  );

/** Draws "How readers guessed" in the slot, and asks the service. */
export function show(slot: HTMLElement, { uid, question, value, guess, api }: CrowdProps): void {
  const heading = h('h3', { class: 'guess-crowd-h', id: `${uid}-crowd` }, crowdHeading(null));
  const { svg, base } = plot(value, guess);
  const say = h('p', { class: 'guess-crowd-say', role: 'status' }, 'Asking how other readers guessed…');
  const note = h(
    'p',
    { class: 'guess-crowd-note' },
    'These are guesses by readers of this site, not survey data. ',
    h('a', { href: href('data/#reader-guesses') }, 'What is kept'),
  );
  // The numbers table: hidden and inert until there are bins to list.
  const numbers = h(
    'details',
    { class: 'guess-crowd-numbers off', inert: '' },
    h('summary', {}, "Show the readers' guesses"),
    ' ',
  );
  // The histogram's description goes between the plot and the sentence, before this space.
  const described = document.createTextNode(' ');
  // A space between the parts, as between the lines of written markup, so their text never runs together.
  const panel = h(
    'div',
    { class: 'guess-crowd', 'data-crowd': 'loading' },
    heading,
    ' ',
    svg,
    ' ',
    described,
    say,
    ' ',
    note,
    ' ',
    numbers,
  );
  slot.append(panel);

  fetchCrowd({ api, question, guess }).then(
    (crowd) => {
      const plural = crowd.count === 1 ? '' : 's';
      heading.replaceChildren(
        'How ',
        h('span', { 'data-crowd-count': '' }, formatInt(crowd.count)),
        ` reader${plural} guessed`,
      );
      if (crowd.bins) {
        base.before(...bars(crowd.bins));
        described.before(h('p', { class: 'visually-hidden' }, crowdDescription(crowd.bins, value, guess)));
        say.textContent = crowdGap(crowd.median, value);
        numbers.classList.remove('off');
        numbers.removeAttribute('inert');
        numbers.append(table(crowd.bins));
      } else {
        say.textContent = crowdFew(crowd.count);
      }
      // Set last: whoever reads the state finds the panel drawn to match.
      panel.dataset.crowd = crowd.bins ? 'ready' : 'few';
    },
    () => {
      say.textContent = CROWD_UNAVAILABLE;
      panel.dataset.crowd = 'unavailable';
    },
  );
}
