/**
 * The relative-vs-absolute chart's island: wires up its slider (Slider.svelte, drawn on the server
 * at the default baseline). Each step rewrites what the server drew for that baseline, with the same
 * words (arithmetic.ts): the value, the slider's value text, the two counts, the sentence, and the
 * two illustrative grids, whose squares fill one by one towards the new count over 320 ms (at once
 * under prefers-reduced-motion).
 */
import type { IslandStart } from '../../lib/island-start';
import {
  clampBaseline,
  colleaguesCount,
  illustrate,
  performersCount,
  sliderValueText,
  workingSentence,
} from './arithmetic';

/** One illustrative grid: its squares, its count line and the layer that records how many are filled. */
function grid(cell: Element | null) {
  const squares = [...(cell?.querySelectorAll('rect.kit-sq') ?? [])];
  const layer = cell?.querySelector('svg[data-filled]');
  let shown = Number(layer?.getAttribute('data-filled') ?? 0);
  let frame = 0;
  const draw = (n: number) => {
    squares.forEach((sq, i) => sq.classList.toggle('kit-filled', i < n));
    layer?.setAttribute('data-filled', String(n));
  };
  /** Fills towards `to`, square by square, from what is shown now. */
  const fillTo = (to: number) => {
    cancelAnimationFrame(frame);
    const from = shown;
    if (from === to || matchMedia('(prefers-reduced-motion: reduce)').matches) {
      draw((shown = to));
      return;
    }
    const start = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / 320);
      const n = Math.round(from + (to - from) * t);
      if (n !== shown) draw((shown = n));
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  };
  return { count: cell?.querySelectorAll('text.rx-gl')[2] ?? null, fillTo };
}

const start: IslandStart = (el, props) => {
  const max = Number(props.maxBaseline);
  const moreLikely = Number(props.moreLikely);
  const input = el.querySelector<HTMLInputElement>('input[type="range"]');
  if (!input || !Number.isFinite(max) || !Number.isFinite(moreLikely)) return;
  const value = el.querySelector('.rx-value');
  const working = el.querySelector('.rx-working');
  const colleagues = grid(el.querySelector('[data-point="baseline/colleagues"]'));
  const performers = grid(el.querySelector('[data-point="more-likely/top-ai-performers"]'));
  input.addEventListener('input', () => {
    const b = clampBaseline(Number(input.value), max);
    input.setAttribute('aria-valuetext', sliderValueText(b, moreLikely));
    if (value) value.textContent = `${b}%`;
    if (working) working.textContent = workingSentence(b, moreLikely);
    if (colleagues.count) colleagues.count.textContent = colleaguesCount(b);
    if (performers.count) performers.count.textContent = performersCount(b, moreLikely);
    colleagues.fillTo(b);
    performers.fillTo(illustrate(b, moreLikely).people);
  });
};
export default start;
