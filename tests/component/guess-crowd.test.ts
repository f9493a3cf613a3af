/**
 * "How readers guessed" under a revealed Guess first widget, as a build with GUESS_API=/api/ has it
 * (vitest.config.ts defines __GUESS_API__ for these tests), with the guess service's answers mocked
 * at fetch. The widget is the server markup wired up by its island module (guess-widget.ts); the
 * panel's chunk is the real one, reached through a mock of virtual:guess-crowd.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, waitFor, within } from '@testing-library/svelte';
import { CROWD_UNAVAILABLE, CROWD_TIMEOUT } from '../../src/components/crowd/crowd';
import { guesses } from '../../src/lib/guess';
import { widget as mount } from './guess-widget';
import { BINS, summary, calls, service, json, answers, type Call, FAILURES } from './guess-service';

const loader = vi.hoisted(() => ({ fail: false }));
vi.mock('virtual:guess-crowd', () => ({
  default: () => (loader.fail ? Promise.reject(new Error('offline')) : import('../../src/components/crowd/index')),
}));

const widget = (id = 'trust-top', value = 67, revealAll = false) => mount({ uid: `guess-${id}`, value, id, revealAll });
const panel = (frame: HTMLElement) => frame.querySelector<HTMLElement>('[data-crowd]');
const state = (frame: HTMLElement) => panel(frame)?.dataset.crowd;

beforeEach(() => {
  loader.fail = false;
});
afterEach(() => {
  document.body.innerHTML = '';
  guesses.all = false;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('how readers guessed', () => {
  test('Reveal sends the guess, then reads the summary, and draws it: count, bins, both marks, the gap, the table', async () => {
    service(answers('trust-top'));
    const { w, frame } = widget();
    await fireEvent.input(w.getByRole('slider'), { target: { value: '53' } });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    // The slot opens at once, with the reveal.
    expect(frame.querySelector('.guess-crowd-slot')).not.toBeNull();
    await waitFor(() => expect(state(frame)).toBe('ready'));
    expect(calls).toEqual([
      { method: 'POST', url: '/api/guesses', body: { question: 'trust-top', value: 53 } },
      { method: 'GET', url: '/api/guesses/trust-top', body: undefined },
    ]);
    const p = panel(frame)!;
    expect(p.querySelector('h3')?.textContent?.trim()).toBe('How 57 readers guessed');
    expect(p.querySelector('[data-crowd-count]')?.textContent).toBe('57');
    // The published figure and the guess, where they are on the 0–100% axis.
    expect(p.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('67%');
    expect(p.querySelector('.guess-crowd-pub-label')?.textContent).toBe('Published figure: 67%');
    expect(p.querySelector('.guess-crowd-you')?.getAttribute('x1')).toBe('53%');
    expect(p.querySelector('.guess-crowd-you-label')?.textContent).toBe('You: 53%');
    // The published figure is drawn last, over the crowd and the guess.
    expect(p.querySelector('svg > :last-child')?.classList.contains('guess-crowd-pub-label')).toBe(true);
    // One bar per bin with guesses, the tallest the full height; each at its bin.
    const bars = [...p.querySelectorAll('.guess-crowd-bin')];
    expect(bars).toHaveLength(BINS.filter((c) => c > 0).length);
    expect(bars.map((b) => b.getAttribute('x'))).toEqual(BINS.flatMap((c, i) => (c > 0 ? [`${i * 5 + 0.4}%`] : [])));
    expect(Math.max(...bars.map((b) => Number(b.getAttribute('height'))))).toBe(62);
    expect(p.querySelector('.guess-crowd-say')?.textContent).toBe(
      "Half of readers guessed 60% or less; the published figure is 67%: the crowd's middle guess is 7 points lower.",
    );
    expect(p.querySelector('.guess-crowd-note')?.textContent).toContain(
      'These are guesses by readers of this site, not survey data.',
    );
    expect(p.querySelector('.guess-crowd-note a')?.getAttribute('href')).toBe('/data/#reader-guesses');
    // The table holds every bin's count, in order.
    const table = within(p).getByRole('table', { name: "Readers' guesses in 5-point bins", hidden: true });
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [
      r.querySelector('th')?.textContent,
      Number(r.querySelector('td')?.textContent),
    ]);
    expect(rows).toEqual(BINS.map((c, i) => [`${i * 5}–${i * 5 + 5}%`, c]));
    expect(p.querySelector('.guess-crowd-numbers')?.classList.contains('off')).toBe(false);
    expect(p.textContent).toContain('The most common guesses were 60–65% (10 readers).');
  });

  test('Skip sends no guess but reads the summary, and marks no guess', async () => {
    service(answers('trust-top'));
    const { w, frame } = widget();
    await fireEvent.input(w.getByRole('slider'), { target: { value: '20' } });
    await fireEvent.click(w.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(state(frame)).toBe('ready'));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/guesses/trust-top']);
    expect(frame.querySelector('.guess-crowd-you')).toBeNull();
    expect(frame.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('67%');
  });

  test('with fewer than 20 guesses (bins null): the too-few line, no bars, no table', async () => {
    service(answers('trust-top', null, 3));
    const { w, frame } = widget();
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    await waitFor(() => expect(state(frame)).toBe('few'));
    expect(frame.querySelector('.guess-crowd-say')?.textContent).toBe(
      'Too few readers have guessed yet to show their spread (3 so far).',
    );
    expect(frame.querySelector('h3')?.textContent?.trim()).toBe('How 3 readers guessed');
    expect(frame.querySelectorAll('.guess-crowd-bin')).toHaveLength(0);
    expect(frame.querySelector('table')).toBeNull();
    expect(frame.querySelector('.guess-crowd-numbers')?.classList.contains('off')).toBe(true);
  });

  test('one reader: the heading says "reader"', async () => {
    service(answers('trust-top', null, 1));
    const { w, frame } = widget();
    await fireEvent.click(w.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(state(frame)).toBe('few'));
    expect(frame.querySelector('h3')?.textContent?.trim()).toBe('How 1 reader guessed');
  });

  test('no answer within 2 s: the quiet line, and the reveal as before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A service that never answers (it gives up only when the request is aborted).
    service(
      (_, signal) =>
        new Promise((_, reject) =>
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const { w, frame } = widget();
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    // Until the panel has mounted (its code loads for real; the fake clock stands still meanwhile).
    for (let i = 0; i < 500 && state(frame) !== 'loading'; i++) await new Promise((r) => setImmediate(r));
    expect(state(frame)).toBe('loading');
    await vi.advanceTimersByTimeAsync(CROWD_TIMEOUT - 1);
    expect(state(frame)).toBe('loading');
    await vi.advanceTimersByTimeAsync(1);
    expect(state(frame)).toBe('unavailable');
    expect(frame.querySelector('.guess-crowd-say')?.textContent).toBe(CROWD_UNAVAILABLE);
    expect(frame.querySelector('#guess-trust-top-a')?.textContent).toBe(
      'You guessed 50%; the published figure is 67%: 17 points lower.',
    );
    // The axis and the published figure stay drawn.
    expect(frame.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('67%');
  });

  test.each(FAILURES)('%s: the quiet line', async (_, answer) => {
    service(answer);
    const { w, frame } = widget();
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    await waitFor(() => expect(state(frame)).toBe('unavailable'));
    expect(frame.querySelector('.guess-crowd-say')?.textContent).toBe(CROWD_UNAVAILABLE);
    expect(frame.querySelectorAll('.guess-crowd-bin')).toHaveLength(0);
  });

  test("the crowd's code cannot be fetched: the widget says the same quiet line", async () => {
    service(answers('trust-top'));
    loader.fail = true;
    const { w, frame } = widget();
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    await waitFor(() => expect(frame.querySelector('[data-crowd="unavailable"]')?.textContent).toBe(CROWD_UNAVAILABLE));
    expect(calls).toEqual([]);
  });

  test('Reveal all answers asks for nothing and opens no panel', async () => {
    service(answers('trust-top'));
    const first = widget('burnout-share', 88, true);
    const second = widget('trust-top', 67);
    await fireEvent.input(second.w.getByRole('slider'), { target: { value: '70' } });
    await fireEvent.click(first.w.getByRole('button', { name: 'Reveal all answers' }));
    // A reveal opens its slot in the click's own task, before any request: after the click, no
    // slot means nothing was asked.
    expect(document.querySelector('.guess-crowd-slot')).toBeNull();
    expect(calls).toEqual([]);
  });
});
