/**
 * Keyboard and sound exploration of one chart, loaded on demand: the island loader (lib/islands.ts)
 * imports this module the first time a reader focuses a chart's body or presses its Listen button,
 * so no page pays for it before then. It reads the chart's points from the body's `data-points` (the
 * frame prints them), speaks through the frame's one polite live region, rings the current mark
 * (an SVG rect around the mark whose `data-point` is the point's key, or an outline on an HTML mark)
 * and plays tones (sound.ts). It follows the cohort on the figure (`data-cohort`), so it names the
 * reader's group whichever one they choose.
 */
import { readCohort } from '../cohort';
import { KEY_HELP, MOVE_KEYS, move, pitches, pointWords, type ExplorePoint, type Move } from './points';
import { Player, type Tone } from './sound';

export interface Explorer {
  /** A key pressed on the chart's body. */
  key(event: KeyboardEvent): void;
  /** The Listen button: play every value, or stop. */
  listen(): void;
}

const explorers = new WeakMap<HTMLElement, Explorer | null>();

/** Up to this many values, Listen plays the whole chart; beyond, the series the reader is in. */
export const LISTEN_ALL = 30;

/** A list of points as printed by the frame, or null when it cannot be read. */
function readPoints(text: string | undefined): ExplorePoint[] | null {
  try {
    const list: unknown = JSON.parse(text ?? '');
    if (!Array.isArray(list) || list.length === 0) return null;
    const ok = list.every(
      (p) =>
        p &&
        typeof p === 'object' &&
        typeof p.key === 'string' &&
        typeof p.series === 'string' &&
        typeof p.group === 'string' &&
        typeof p.measure === 'string' &&
        (p.value === null || typeof p.value === 'number') &&
        (p.text === null || typeof p.text === 'string'),
    );
    return ok ? (list as ExplorePoint[]) : null;
  } catch {
    return null;
  }
}

/** Rings one mark: a rect around an SVG mark, in its SVG's coordinates; a class on an HTML one. */
function ring(body: HTMLElement, key: string | null): void {
  for (const old of body.querySelectorAll('.explore-ring')) old.remove();
  for (const old of body.querySelectorAll('.explore-current')) old.classList.remove('explore-current');
  if (key === null) return;
  const mark = body.querySelector(`[data-point="${CSS.escape(key)}"]`);
  if (!mark) return;
  if (!(mark instanceof SVGGraphicsElement) || !mark.ownerSVGElement) {
    mark.classList.add('explore-current');
    return;
  }
  const svg = mark.ownerSVGElement;
  const box = mark.getBBox();
  const toSvg = svg.getScreenCTM()?.inverse().multiply(mark.getScreenCTM() ?? new DOMMatrix());
  if (!toSvg) return;
  const corners = [
    new DOMPoint(box.x, box.y),
    new DOMPoint(box.x + box.width, box.y + box.height),
  ].map((p) => p.matrixTransform(toSvg));
  const pad = 3;
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('class', 'explore-ring');
  rect.setAttribute('x', String(Math.min(corners[0]!.x, corners[1]!.x) - pad));
  rect.setAttribute('y', String(Math.min(corners[0]!.y, corners[1]!.y) - pad));
  rect.setAttribute('width', String(Math.abs(corners[1]!.x - corners[0]!.x) + 2 * pad));
  rect.setAttribute('height', String(Math.abs(corners[1]!.y - corners[0]!.y) + 2 * pad));
  rect.setAttribute('rx', '3');
  rect.setAttribute('aria-hidden', 'true');
  svg.appendChild(rect);
}

/** The explorer of a chart's figure, made on first use; null when the figure has nothing to explore. */
export function explorer(figure: HTMLElement): Explorer | null {
  if (explorers.has(figure)) return explorers.get(figure)!;
  const body = figure.querySelector<HTMLElement>('[data-explore]');
  // What takes focus: the body, or on a 'beside' slide its drawing's SVG (islands.ts marks it).
  const target = figure.querySelector<Element>('[data-explore-target]') ?? body;
  const live = figure.querySelector<HTMLElement>('[data-explore-live]');
  const button = figure.querySelector<HTMLButtonElement>('[data-listen]');
  const points = readPoints(body?.dataset.points);
  if (!body || !target || !live || !points) {
    explorers.set(figure, null);
    return null;
  }
  const player = new Player();
  let at: number | null = null;
  let stepTones = false;

  const cohort = () => readCohort();
  const say = (text: string) => {
    // A polite region repeats nothing identical: a changed text is always read.
    live.textContent = live.textContent === text ? `${text}\u00a0` : text;
  };
  const tones = (): Tone[] => {
    const c = cohort();
    return pitches(points).map((pitch, i) => ({ pitch, chosen: points[i]!.side === c }));
  };
  // The button says what it will do: Listen, or Stop while the tones play (its name is its text).
  const setButton = (playing: boolean) => {
    if (button) button.textContent = playing ? 'Stop' : 'Listen';
  };
  const stop = () => {
    player.stop();
    setButton(false);
  };
  const EDGE: Record<Move, string> = {
    next: 'Last value.',
    last: 'Last value.',
    previous: 'First value.',
    first: 'First value.',
    'next-series': 'No group after this one.',
    'previous-series': 'No group before this one.',
  };
  const go = (to: number, edge?: Move) => {
    at = to;
    ring(body, points[to]!.key);
    const words = pointWords(points[to]!, { cohort: cohort(), position: [to + 1, points.length] });
    say(edge ? `${words} ${EDGE[edge]}` : words);
    if (stepTones) player.one(tones()[to]!);
  };

  target.addEventListener('focusout', () => {
    ring(body, null);
  });
  target.addEventListener('focusin', (e) => {
    if (e.target === target && at !== null) ring(body, points[at]!.key);
  });

  const self: Explorer = {
    key(e) {
      if (e.target !== target || e.altKey || e.ctrlKey || e.metaKey) return;
      const how = MOVE_KEYS[e.key];
      if (how) {
        e.preventDefault();
        if (player.playing) stop();
        const to = move(points, at, how);
        go(to, to === at ? how : undefined);
        return;
      }
      switch (e.key) {
        case 'l':
        case 'L':
          e.preventDefault();
          self.listen();
          return;
        case 's':
        case 'S':
          e.preventDefault();
          stepTones = !stepTones;
          say(stepTones ? 'Tones while stepping: on.' : 'Tones while stepping: off.');
          return;
        case '?':
        case 'h':
        case 'H':
          e.preventDefault();
          figure.dataset.help = figure.dataset.help === 'open' ? '' : 'open';
          say(KEY_HELP);
          return;
        case 'Escape':
          if (player.playing) {
            stop();
            say('Stopped.');
          } else if (at !== null) {
            at = null;
            ring(body, null);
            say('Back at the start of the chart. Tab moves on.');
          }
          return;
      }
    },
    listen() {
      if (player.playing) {
        stop();
        say('Stopped.');
        return;
      }
      // A long chart (the press trail's 90-odd values) plays the series the reader is in, not all of it.
      const series = points.length > LISTEN_ALL ? points[at ?? 0]!.series : null;
      const which = points.flatMap((p, i) => (series === null || p.series === series ? [i] : []));
      const all = tones();
      const started = player.all(
        which.map((i) => all[i]!),
        (k) => {
          at = which[k]!;
          ring(body, points[at]!.key);
        },
        () => {
          setButton(false);
          say('Done.');
        },
      );
      if (!started) {
        say('This browser cannot play sound.');
        return;
      }
      setButton(true);
      say(
        `Playing ${which.length} values${series === null ? '' : ` of ${series} (Up and Down move to another)`} in order: higher tones for larger values, two low clicks for a value that was not published, ` +
          'the group you chose in a longer, brighter tone. Escape or L stops.',
      );
    },
  };
  explorers.set(figure, self);
  return self;
}
