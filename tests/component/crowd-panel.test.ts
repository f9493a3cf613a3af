/**
 * The crowd panel (src/components/crowd/index.ts) on its own: `show` draws it in a slot, as Guess
 * first does after a reveal, with the guess service's answers mocked at fetch. Every state is
 * checked, and its whole markup is held in a file snapshot (__snapshots__/crowd-panel.*.html).
 * How Guess first opens the slot and loads the chunk is tests/component/guess-crowd.test.ts's.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { within } from '@testing-library/svelte';
import { CROWD_TIMEOUT, CROWD_UNAVAILABLE } from '../../src/components/crowd/crowd';
import { show, type CrowdProps } from '../../src/components/crowd/index';
import { BINS, summary, calls, service, json, answers, type Call, FAILURES } from './guess-service';

/** The slot Guess first opens at a reveal, with the panel shown in it. */
function open(props: Partial<CrowdProps> = {}) {
  const slot = document.body.appendChild(document.createElement('div'));
  slot.className = 'guess-crowd-slot';
  show(slot, { uid: 'guess-trust-top', question: 'trust-top', value: 67, guess: 53, api: '/api/', ...props });
  return slot;
}
const panel = (slot: HTMLElement) => slot.querySelector<HTMLElement>('[data-crowd]')!;
const state = (slot: HTMLElement) => panel(slot).dataset.crowd;
/** Until the panel has left `loading`. */
const settled = (slot: HTMLElement) => vi.waitFor(() => expect(state(slot)).not.toBe('loading'));

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the crowd panel', () => {
  test('drawn at once, before any answer: the heading, the axis with both marks, the asking line; the table closed off', async () => {
    service(() => new Promise(() => {}));
    const slot = open();
    const p = panel(slot);
    expect(slot.children).toHaveLength(1);
    expect(p.className).toBe('guess-crowd');
    expect(state(slot)).toBe('loading');
    expect(p.querySelector('h3')?.id).toBe('guess-trust-top-crowd');
    expect(p.querySelector('h3')?.textContent).toBe('How readers guessed');
    expect(p.querySelector('[data-crowd-count]')).toBeNull();
    expect(p.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(p.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('67%');
    expect(p.querySelector('.guess-crowd-you')?.getAttribute('x1')).toBe('53%');
    expect(p.querySelectorAll('.guess-crowd-tick-label')).toHaveLength(5);
    expect(p.querySelectorAll('.guess-crowd-bin')).toHaveLength(0);
    expect(p.querySelector('.visually-hidden')).toBeNull();
    expect(p.querySelector('.guess-crowd-say')?.getAttribute('role')).toBe('status');
    expect(p.querySelector('.guess-crowd-say')?.textContent).toBe('Asking how other readers guessed…');
    const numbers = p.querySelector('.guess-crowd-numbers')!;
    expect(numbers.classList.contains('off')).toBe(true);
    expect(numbers.hasAttribute('inert')).toBe(true);
    expect(numbers.querySelector('summary')?.textContent).toBe("Show the readers' guesses");
    expect(numbers.querySelector('table')).toBeNull();
    // No inline styles: the CSP allows none.
    expect(p.querySelector('[style]')).toBeNull();
    expect(p.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    await expect(`${p.outerHTML}\n`).toMatchFileSnapshot('./__snapshots__/crowd-panel.loading.html');
  });

  test('sends the guess, then reads the summary, and draws it: count, bins, both marks, the gap, the table', async () => {
    service(answers('trust-top'));
    const slot = open();
    await settled(slot);
    expect(state(slot)).toBe('ready');
    expect(calls).toEqual([
      { method: 'POST', url: '/api/guesses', body: { question: 'trust-top', value: 53 } },
      { method: 'GET', url: '/api/guesses/trust-top', body: undefined },
    ]);
    const p = panel(slot);
    expect(p.querySelector('h3')?.textContent?.trim()).toBe('How 57 readers guessed');
    expect(p.querySelector('[data-crowd-count]')?.textContent).toBe('57');
    // The published figure and the guess, where they are on the 0–100% axis.
    expect(p.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('67%');
    expect(p.querySelector('.guess-crowd-pub-label')?.textContent).toBe('Published figure: 67%');
    expect(p.querySelector('.guess-crowd-you')?.getAttribute('x1')).toBe('53%');
    expect(p.querySelector('.guess-crowd-you-label')?.textContent).toBe('You: 53%');
    // The published figure is drawn last, over the crowd and the guess.
    expect(p.querySelector('svg > :last-child')?.classList.contains('guess-crowd-pub-label')).toBe(true);
    // One bar per bin with guesses, the tallest the full height; each at its bin, under the axis line.
    const bars = [...p.querySelectorAll('.guess-crowd-bin')];
    expect(bars).toHaveLength(BINS.filter((c) => c > 0).length);
    expect(bars.map((b) => b.getAttribute('x'))).toEqual(BINS.flatMap((c, i) => (c > 0 ? [`${i * 5 + 0.4}%`] : [])));
    expect(Math.max(...bars.map((b) => Number(b.getAttribute('height'))))).toBe(62);
    expect(bars.at(-1)?.nextElementSibling?.classList.contains('guess-crowd-base')).toBe(true);
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
    expect(p.querySelector('.guess-crowd-numbers')?.hasAttribute('inert')).toBe(false);
    expect(p.textContent).toContain('The most common guesses were 60–65% (10 readers).');
    // The description, between the drawing and the sentence.
    const description = p.querySelector('svg + p.visually-hidden');
    expect(description?.textContent).toBe(
      "A histogram of readers' guesses in 20 bins of 5 points from 0% to 100%. The most common guesses were 60–65% (10 readers). Lines mark the published figure, 67%, and your guess, 53%.",
    );
    expect(description?.nextElementSibling?.classList.contains('guess-crowd-say')).toBe(true);
    await expect(`${p.outerHTML}\n`).toMatchFileSnapshot('./__snapshots__/crowd-panel.ready.html');
  });

  test('after Skip (no guess): sends nothing, reads the summary, and marks no guess', async () => {
    service(answers('trust-top'));
    const slot = open({ guess: null });
    await settled(slot);
    expect(state(slot)).toBe('ready');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/guesses/trust-top']);
    expect(slot.querySelector('.guess-crowd-you')).toBeNull();
    expect(slot.querySelector('.guess-crowd-you-label')).toBeNull();
    expect(slot.querySelectorAll('.guess-crowd-halo')).toHaveLength(1);
    expect(slot.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('67%');
    expect(slot.querySelector('.visually-hidden')?.textContent).toContain('A line marks the published figure, 67%.');
  });

  test('marks near either end of the axis: their labels grow inwards; shares keep up to two decimals', async () => {
    service(() => new Promise(() => {}));
    const slot = open({ value: 95.25, guess: 10 });
    expect(slot.querySelector('.guess-crowd-pub-label')?.getAttribute('text-anchor')).toBe('end');
    expect(slot.querySelector('.guess-crowd-pub-label')?.textContent).toBe('Published figure: 95.25%');
    expect(slot.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('95.25%');
    expect(slot.querySelector('.guess-crowd-you-label')?.getAttribute('text-anchor')).toBe('start');
    const ticks = [...slot.querySelectorAll('.guess-crowd-tick-label')].map((t) => [
      t.textContent,
      t.getAttribute('text-anchor'),
    ]);
    expect(ticks).toEqual([
      ['0%', 'start'],
      ['25%', 'middle'],
      ['50%', 'middle'],
      ['75%', 'middle'],
      ['100%', 'end'],
    ]);
  });

  test('with fewer than 20 guesses (bins null): the too-few line, no bars, no table', async () => {
    service(answers('trust-top', null, 3));
    const slot = open();
    await settled(slot);
    expect(state(slot)).toBe('few');
    expect(slot.querySelector('.guess-crowd-say')?.textContent).toBe(
      'Too few readers have guessed yet to show their spread (3 so far).',
    );
    expect(slot.querySelector('h3')?.textContent?.trim()).toBe('How 3 readers guessed');
    expect(slot.querySelectorAll('.guess-crowd-bin')).toHaveLength(0);
    expect(slot.querySelector('table')).toBeNull();
    expect(slot.querySelector('.visually-hidden')).toBeNull();
    expect(slot.querySelector('.guess-crowd-numbers')?.classList.contains('off')).toBe(true);
    expect(slot.querySelector('.guess-crowd-numbers')?.hasAttribute('inert')).toBe(true);
    await expect(`${panel(slot).outerHTML}\n`).toMatchFileSnapshot('./__snapshots__/crowd-panel.few.html');
  });

  test('one reader: the heading says "reader"', async () => {
    service(answers('trust-top', null, 1));
    const slot = open({ guess: null });
    await settled(slot);
    expect(state(slot)).toBe('few');
    expect(slot.querySelector('h3')?.textContent?.trim()).toBe('How 1 reader guessed');
  });

  test('no answer within 2 s: the quiet line; the axis and both marks stay drawn', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A service that never answers (it gives up only when the request is aborted).
    service(
      (_, signal) =>
        new Promise((_, reject) =>
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const slot = open();
    expect(state(slot)).toBe('loading');
    await vi.advanceTimersByTimeAsync(CROWD_TIMEOUT - 1);
    expect(state(slot)).toBe('loading');
    await vi.advanceTimersByTimeAsync(1);
    expect(state(slot)).toBe('unavailable');
    expect(slot.querySelector('.guess-crowd-say')?.textContent).toBe(CROWD_UNAVAILABLE);
    expect(slot.querySelector('h3')?.textContent).toBe('How readers guessed');
    // The axis and the published figure stay drawn.
    expect(slot.querySelector('.guess-crowd-pub')?.getAttribute('x1')).toBe('67%');
    expect(slot.querySelector('.guess-crowd-you')?.getAttribute('x1')).toBe('53%');
    expect(slot.querySelector('.guess-crowd-numbers')?.hasAttribute('inert')).toBe(true);
    await expect(`${panel(slot).outerHTML}\n`).toMatchFileSnapshot('./__snapshots__/crowd-panel.unavailable.html');
  });

  test.each(FAILURES)('%s: the quiet line', async (_, answer) => {
    service(answer);
    const slot = open();
    await settled(slot);
    expect(state(slot)).toBe('unavailable');
    expect(slot.querySelector('.guess-crowd-say')?.textContent).toBe(CROWD_UNAVAILABLE);
    expect(slot.querySelectorAll('.guess-crowd-bin')).toHaveLength(0);
    expect(slot.querySelector('table')).toBeNull();
  });
});
