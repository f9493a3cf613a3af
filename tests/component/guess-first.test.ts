import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import GuessFirst from '../../src/components/GuessFirst.svelte';
import { GUESS_QUESTIONS } from '../../src/data/guesses';
import { guessResult, guesses } from '../../src/lib/guess.svelte';

const QUESTION = GUESS_QUESTIONS['burnout-share'];

/** Mounts the island inside the frame GuessFirst.astro renders around it (the question is its label). */
function widget(props: { uid: string; value: number; revealAll?: boolean; id?: string }, question = QUESTION) {
  const frame = document.createElement('div');
  frame.dataset.guess = props.uid;
  frame.innerHTML = `<label for="${props.uid}-r">${question}</label>`;
  document.body.append(frame);
  const target = frame.appendChild(document.createElement('div'));
  render(GuessFirst, { props: { id: 'burnout-share', ...props }, target });
  return within(frame);
}

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  guesses.all = false;
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
    // Hydrated and not revealed: the answer layer is hidden, the controls are live.
    expect(slider.closest('.guess-ask')?.classList.contains('off')).toBe(false);
    expect(document.getElementById('g1-a')?.closest('.guess-answer')?.classList.contains('off')).toBe(true);
    // Only one widget per page carries "Reveal all answers".
    expect(w.queryByRole('button', { name: 'Reveal all answers' })).toBeNull();
  });

  test('Reveal shows the published figure, the guess and the distance, and moves focus there', async () => {
    const w = widget({ uid: 'g2', value: 88 });
    await fireEvent.input(w.getByRole('slider'), { target: { value: '53' } });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    const result = document.getElementById('g2-a')!;
    expect(result.textContent).toBe('You guessed 53%; the published figure is 88%: 35 points lower.');
    expect(result.closest('.guess-answer')?.classList.contains('off')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(result));
    // Both marks are labelled in words.
    expect(w.getByText('Published: 88%')).toBeTruthy();
    expect(w.getByText('Your guess: 53%', { selector: 'text' })).toBeTruthy();
    expect(document.querySelector('[data-guess="g2"] .guess-mark')?.getAttribute('x1')).toBe('53%');
    // The controls are gone from the tab order; the result is announced politely.
    expect((w.getByRole('slider', { hidden: true }).closest('.guess-ask') as HTMLElement).inert).toBe(true);
    const live = document.querySelector('[data-guess="g2"] [aria-live="polite"]');
    expect(live?.textContent).toBe('You guessed 53%; the published figure is 88%: 35 points lower.');
  });

  test('Reveal without moving the slider counts the default guess of 50%', async () => {
    const w = widget({ uid: 'g3', value: 67 });
    await fireEvent.click(w.getByRole('button', { name: 'Reveal' }));
    expect(document.getElementById('g3-a')?.textContent).toBe('You guessed 50%; the published figure is 67%: 17 points lower.');
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
    await waitFor(() => expect(document.activeElement).toBe(result));
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
    for (const id of ['g5', 'g6', 'g7']) {
      expect(document.getElementById(`${id}-a`)?.closest('.guess-answer')?.classList.contains('off')).toBe(false);
    }
    expect(document.querySelector('[data-guess="g5"] [aria-live="polite"]')?.textContent).toBe('Every answer on this page is now shown.');
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('g5-a')));
    expect((third.getByRole('slider').closest('.guess-ask') as HTMLElement).inert).toBe(true);
  });

  test('a widget that mounts after "Reveal all answers" starts revealed', () => {
    guesses.all = true;
    widget({ uid: 'g8', value: 90 });
    expect(document.getElementById('g8-a')?.closest('.guess-answer')?.classList.contains('off')).toBe(false);
    expect(document.getElementById('g8-a')?.textContent).toBe('The published figure is 90%.');
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
