/**
 * "Guess first" as a page has it: GuessFirst.svelte's server markup, wired up by its island module
 * (components/guess-first.ts, tests/component/guess-widget.ts).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/svelte';
import { GUESS_QUESTIONS } from '../../src/data/guesses';
import { guessResult, guesses } from '../../src/lib/guess';
import { widget as mount, type GuessProps } from './guess-widget';

const QUESTION = GUESS_QUESTIONS['burnout-share'];

/** A widget whose figure id is its uid, so `[data-guess="g1"]` holds the elements `g1-…`. */
const widget = (props: Omit<GuessProps, 'id'>, question = QUESTION, wire = true) =>
  mount({ ...props, id: props.uid }, question, wire).w;

const answer = (uid: string) => document.getElementById(`${uid}-a`)!.closest('.guess-answer')!;
const controls = (uid: string) => document.getElementById(`${uid}-r`)!.closest('.guess-ask')!;
/** The bar's fill and the published figure's label: width, x and text-anchor. */
const bar = (uid: string) => {
  const box = document.querySelector(`[data-guess="${uid}"]`)!;
  const pub = box.querySelector('.guess-pub')!;
  return [
    box.querySelector('.guess-fill')!.getAttribute('width'),
    pub.getAttribute('x'),
    pub.getAttribute('text-anchor'),
  ];
};

afterEach(() => {
  document.body.innerHTML = '';
  guesses.all = false;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('guessResult', () => {
  test('says how far off the guess is, in percentage points', () => {
    expect(guessResult(50, 88)).toBe('You guessed 50%; the published figure is 88%: 38 points lower.');
    expect(guessResult(90, 88)).toBe('You guessed 90%; the published figure is 88%: 2 points higher.');
    expect(guessResult(87, 88)).toBe('You guessed 87%; the published figure is 88%: 1 point lower.');
    expect(guessResult(88, 88)).toBe('You guessed 88%; the published figure is 88%: spot on.');
    expect(guessResult(null, 88)).toBe('The published figure is 88%.');
  });
});

describe('GuessFirst', () => {
  test('before its island is wired up (and without JavaScript): the published figure, and controls that are invisible and inert', () => {
    const w = widget({ uid: 'g0', value: 88 }, QUESTION, false);
    expect(controls('g0').classList.contains('off')).toBe(true);
    expect(controls('g0').hasAttribute('inert')).toBe(true);
    expect(answer('g0').classList.contains('off')).toBe(false);
    expect(document.getElementById('g0-a')?.textContent).toBe('The published figure is 88%.');
    expect(bar('g0')).toEqual(['88%', '88%', 'end']);
    expect(w.getByText('Published: 88%')).toBeTruthy();
    expect(document.querySelector('[data-guess="g0"] .guess-you, [data-guess="g0"] line')).toBeNull();
    expect(document.querySelector('[data-guess="g0"] [aria-live="polite"]')?.textContent).toBe('');
    expect((w.getByRole('slider', { hidden: true }) as HTMLInputElement).getAttribute('value')).toBe('50');
    expect(w.getByText('Reveal all answers').hidden).toBe(true);
  });

  test('the slider is named by the question and reports the guess as text', async () => {
    const w = widget({ uid: 'g1', value: 88 });
    const slider = w.getByRole('slider', { name: QUESTION }) as HTMLInputElement;
    expect(slider.min).toBe('0');
    expect(slider.max).toBe('100');
    expect(slider.step).toBe('1');
    expect(slider.value).toBe('50');
    expect(slider.getAttribute('aria-valuetext')).toBe('Your guess: 50%');
    expect(w.getByText(/^Your guess:/, { selector: 'p' }).textContent).toBe('Your guess: 50%');

    await fireEvent.input(slider, { target: { value: '53' } });
    expect(slider.getAttribute('aria-valuetext')).toBe('Your guess: 53%');
    expect(w.getByText(/^Your guess:/, { selector: 'p' }).textContent).toBe('Your guess: 53%');
    // Wired up and not revealed: the answer layer is hidden, the controls are live, the bar empty.
    expect(controls('g1').classList.contains('off')).toBe(false);
    expect(controls('g1').hasAttribute('inert')).toBe(false);
    expect(answer('g1').classList.contains('off')).toBe(true);
    expect(bar('g1')).toEqual(['0%', '0%', 'start']);
    // Only one widget per page carries "Reveal all answers".
    expect(w.queryByRole('button', { name: 'Reveal all answers' })).toBeNull();
  });

  test('Reveal shows the published figure, the guess and the distance, and moves focus there', async () => {
    const w = widget({ uid: 'g2', value: 88 });
    await fireEvent.input(w.getByRole('slider'), { target: { value: '53' } });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    const result = document.getElementById('g2-a')!;
    expect(result.textContent).toBe('You guessed 53%; the published figure is 88%: 35 points lower.');
    expect(answer('g2').classList.contains('off')).toBe(false);
    expect(document.activeElement).toBe(result);
    // Both marks are labelled in words.
    expect(w.getByText('Published: 88%')).toBeTruthy();
    expect(w.getByText('Your guess: 53%', { selector: 'text' })).toBeTruthy();
    expect(document.querySelector('[data-guess="g2"] .guess-mark')?.getAttribute('x1')).toBe('53%');
    // The controls are gone from the tab order; the result is announced politely.
    expect(controls('g2').classList.contains('off')).toBe(true);
    expect(controls('g2').hasAttribute('inert')).toBe(true);
    const live = document.querySelector('[data-guess="g2"] [aria-live="polite"]');
    expect(live?.textContent).toBe('You guessed 53%; the published figure is 88%: 35 points lower.');
  });

  test('the guess is drawn as the component drew it: halo, line and label, in SVG, after the published label', async () => {
    const w = widget({ uid: 'g10', value: 67 });
    await fireEvent.input(w.getByRole('slider'), { target: { value: '53' } });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    const svg = document.querySelector('[data-guess="g10"] svg')!;
    expect(
      [...svg.children].map((el) => `${el.namespaceURI === 'http://www.w3.org/2000/svg'} ${el.outerHTML}`),
    ).toEqual([
      'true <rect class="guess-track" x="0" y="24" width="100%" height="16"></rect>',
      expect.stringMatching(/^true <rect class="guess-fill" x="0" y="24" width="[\d.]+%" height="16"><\/rect>$/),
      expect.stringMatching(
        /^true <text class="guess-pub" x="[\d.]+%" y="16" text-anchor="\w+">Published: 67%<\/text>$/,
      ),
      'true <line class="guess-halo" y1="17" y2="47" x1="53%" x2="53%"></line>',
      'true <line class="guess-mark" y1="17" y2="47" x1="53%" x2="53%"></line>',
      'true <text class="guess-you" y="62" x="53%" text-anchor="middle">Your guess: 53%</text>',
    ]);
  });

  test.each([
    [5, 'start'],
    [19, 'start'],
    [20, 'middle'],
    [80, 'middle'],
    [81, 'end'],
    [100, 'end'],
  ])('a guess of %i%% is labelled growing inwards (text-anchor %s)', async (guess, anchor) => {
    const w = widget({ uid: 'g11', value: 50 });
    await fireEvent.input(w.getByRole('slider'), { target: { value: String(guess) } });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    expect(document.querySelector('[data-guess="g11"] .guess-you')?.getAttribute('text-anchor')).toBe(anchor);
  });

  test('the bar fills from 0 to the published share over 600 ms, one step a frame', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    let clock = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const w = widget({ uid: 'g12', value: 88 });
    await fireEvent.click(w.getByRole('button', { name: 'Skip' }));
    expect(bar('g12')).toEqual(['0%', '0%', 'start']);
    // At an even pace, with the published label riding on the fill's end.
    for (const [now, drawn] of [
      [1150, ['22%', '22%', 'middle']],
      [1450, ['66%', '66%', 'middle']],
      [1599, [`${88 * (599 / 600)}%`, `${88 * (599 / 600)}%`, 'end']],
      [1600, ['88%', '88%', 'end']],
    ] as const) {
      clock = now;
      frames.shift()!(now);
      expect(bar('g12'), `at ${now}`).toEqual(drawn);
    }
    expect(frames).toEqual([]);
  });

  test('with reduced motion the bar is full at once', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
      media: query,
    }));
    const w = widget({ uid: 'g13', value: 67 });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    expect(bar('g13')).toEqual(['67%', '67%', 'middle']);
    expect(frames).toEqual([]);
  });

  test('Reveal without moving the slider counts the default guess of 50%', async () => {
    const w = widget({ uid: 'g3', value: 67 });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    expect(document.getElementById('g3-a')?.textContent).toBe(
      'You guessed 50%; the published figure is 67%: 17 points lower.',
    );
    expect(document.querySelector('[data-guess="g3"] .guess-mark')?.getAttribute('x1')).toBe('50%');
  });

  test('Skip shows the figure with no guess', async () => {
    const w = widget({ uid: 'g4', value: 88 });
    await fireEvent.input(w.getByRole('slider'), { target: { value: '20' } });
    await fireEvent.click(w.getByRole('button', { name: 'Skip' }));
    const result = document.getElementById('g4-a')!;
    expect(result.textContent).toBe('The published figure is 88%.');
    // No guess is drawn on the bar: the only "Your guess" left is the hidden slider's own label.
    expect(w.queryByText(/^Your guess:/, { selector: 'text' })).toBeNull();
    expect(document.querySelector('[data-guess="g4"] .guess-mark')).toBeNull();
    expect(document.activeElement).toBe(result);
    expect(document.querySelector('[data-guess="g4"] [aria-live="polite"]')?.textContent).toBe(
      'The published figure is 88%.',
    );
  });

  test('Reveal all answers opens every widget, with the guesses readers made', async () => {
    const first = widget({ uid: 'g5', value: 88, revealAll: true });
    const second = widget({ uid: 'g6', value: 67 }, 'Second question?');
    const third = widget({ uid: 'g7', value: 85 }, 'Third question?');
    await fireEvent.input(second.getByRole('slider'), { target: { value: '70' } });
    await fireEvent.click(first.getByRole('button', { name: 'Reveal all answers' }));
    expect(guesses.all).toBe(true);
    expect(document.getElementById('g5-a')?.textContent).toBe('The published figure is 88%.');
    expect(document.getElementById('g6-a')?.textContent).toBe('You guessed 70%; the published figure is 67%: 3 points higher.');
    expect(document.getElementById('g7-a')?.textContent).toBe('The published figure is 85%.');
    for (const id of ['g5', 'g6', 'g7']) expect(answer(id).classList.contains('off')).toBe(false);
    expect(document.querySelector('[data-guess="g6"] .guess-mark')?.getAttribute('x1')).toBe('70%');
    expect(document.querySelectorAll('.guess-mark')).toHaveLength(1);
    expect(document.querySelector('[data-guess="g5"] [aria-live="polite"]')?.textContent).toBe(
      'Every answer on this page is now shown.',
    );
    // Only the widget pressed speaks; the others open quietly.
    expect(document.querySelector('[data-guess="g6"] [aria-live="polite"]')?.textContent).toBe('');
    expect(document.activeElement).toBe(document.getElementById('g5-a'));
    expect(third.getByRole('slider', { hidden: true }).closest('.guess-ask')?.hasAttribute('inert')).toBe(true);
  });

  test('Reveal all answers after moving its own slider counts that guess', async () => {
    const w = widget({ uid: 'g14', value: 88, revealAll: true });
    await fireEvent.input(w.getByRole('slider'), { target: { value: '60' } });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal all answers' }));
    expect(document.getElementById('g14-a')?.textContent).toBe(
      'You guessed 60%; the published figure is 88%: 28 points lower.',
    );
    expect(document.querySelector('[data-guess="g14"] .guess-mark')?.getAttribute('x1')).toBe('60%');
  });

  test('a widget wired up after "Reveal all answers" starts revealed, its bar full', () => {
    guesses.all = true;
    widget({ uid: 'g8', value: 90 });
    expect(answer('g8').classList.contains('off')).toBe(false);
    expect(controls('g8').hasAttribute('inert')).toBe(true);
    expect(document.getElementById('g8-a')?.textContent).toBe('The published figure is 90%.');
    expect(bar('g8')).toEqual(['90%', '90%', 'end']);
  });

  test('keeps guesses in memory only: no storage, no cookies', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const w = widget({ uid: 'g9', value: 88, revealAll: true });
    await fireEvent.input(w.getByRole('slider'), { target: { value: '61' } });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    // Shown in the result and announced in the live region.
    expect(screen.getAllByText('You guessed 61%; the published figure is 88%: 27 points lower.')).toHaveLength(2);
  });
});
