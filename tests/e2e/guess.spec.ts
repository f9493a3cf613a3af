import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { watchErrors } from './helpers';

/** The "Guess first" widgets on the story, in page order, with their published values from data/. */
const GUESSES = ['burnout-share', 'trust-top', 'politeness-all', 'career-freelancers'] as const;
const rows = Papa.parse<{ id: string; value: string }>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const published = (id: string) => Number(rows.find((r) => r.id === id)!.value);

const widget = (page: Page, id: string) => page.locator(`[data-guess="${id}"]`);

/** Scrolls a widget into view and waits until its island has hydrated (the slider is live). */
async function ready(page: Page, id: string) {
  const box = widget(page, id);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('[data-island]')).toHaveAttribute('data-hydrated', 'true');
  return box;
}

test.describe('guess first', () => {
  test('the widgets sit before the text that gives their number away', async ({ page }) => {
    await page.goto('/');
    const order = await page.locator('[data-guess]').evaluateAll((els) => els.map((e) => e.getAttribute('data-guess')));
    expect(order).toEqual([...GUESSES]);
    for (const id of GUESSES) {
      // No link to this figure's row comes before its widget in the same section.
      const before = await widget(page, id).evaluate((el, figure) => {
        const section = el.closest('section')!;
        return [...section.querySelectorAll(`a[href$="#${figure}"]`)].filter(
          (a) => !el.contains(a) && a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        ).length;
      }, id);
      expect(before, id).toBe(0);
    }
  });

  test('by keyboard alone: Tab to the slider, arrows, Tab to Reveal, Enter', async ({ page }) => {
    const errors = watchErrors(page);
    // The build has GUESS_API=/api/ and astro preview no service: the browser reports its 404 (the
    // reveal then shows the quiet line, tests/e2e/guess-crowd.spec.ts). Any other error counts.
    const api: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && new URL(m.location().url || 'about:blank', 'http://x').pathname.startsWith('/api/')) api.push(m.text());
    });
    await page.goto('/');
    const box = await ready(page, 'burnout-share');
    const slider = page.getByRole('slider', {
      name: 'Of the full-time employees who reported the biggest productivity gains from AI, what share said they feel burned out?',
    });
    // From the top of the page, Tab until the slider has focus (nothing is clicked).
    for (let i = 0; i < 150 && !(await slider.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(slider).toBeFocused();
    await expect(slider).toHaveAttribute('aria-valuetext', 'Your guess: 50%');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(box.getByText('Your guess: 53%')).toBeVisible();
    await expect(slider).toHaveAttribute('aria-valuetext', 'Your guess: 53%');
    // The published number is not on screen before the reader acts.
    await expect(box.locator('.guess-result')).toBeHidden();
    await expect(box.locator('.guess-src')).toBeHidden();

    await page.keyboard.press('Tab');
    await expect(box.getByRole('button', { name: 'Reveal', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    const value = published('burnout-share');
    const text = `You guessed 53%; the published figure is ${value}%: ${value - 53} points lower.`;
    const result = box.locator('.guess-result');
    await expect(result).toHaveText(text);
    await expect(result).toBeFocused();
    await expect(box.locator('[aria-live="polite"]')).toHaveText(text);
    await expect(box.getByText(`Published: ${value}%`)).toBeVisible();
    await expect(box.getByText('Your guess: 53%', { exact: true }).last()).toBeVisible();
    await expect(box.getByRole('link', { name: 'Check the figure and its sources' })).toHaveAttribute('href', '/data/#burnout-share');
    await expect(box.locator('.guess-src')).toContainText('The report\'s authors wrote in Fortune');
    await expect(slider).toBeHidden();
    await expect(box.locator('[data-crowd]')).toHaveAttribute('data-crowd', 'unavailable');
    expect(errors.filter((e) => !api.includes(e))).toEqual([]);
  });

  test('the slider takes PageUp/PageDown (10 points), Home and End', async ({ page }) => {
    await page.goto('/');
    await ready(page, 'trust-top');
    const slider = widget(page, 'trust-top').getByRole('slider');
    await slider.focus();
    await page.keyboard.press('PageUp');
    await expect(slider).toHaveAttribute('aria-valuetext', 'Your guess: 60%');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(slider).toHaveAttribute('aria-valuetext', 'Your guess: 40%');
    await page.keyboard.press('End');
    await expect(slider).toHaveAttribute('aria-valuetext', 'Your guess: 100%');
    await page.keyboard.press('Home');
    await expect(slider).toHaveAttribute('aria-valuetext', 'Your guess: 0%');
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveAttribute('aria-valuetext', 'Your guess: 0%');
  });

  test('Skip reveals without a guess', async ({ page }) => {
    await page.goto('/');
    const box = await ready(page, 'politeness-all');
    await box.getByRole('button', { name: 'Skip' }).click();
    await expect(box.locator('.guess-result')).toHaveText(`The published figure is ${published('politeness-all')}%.`);
    await expect(box.locator('.guess-you')).toBeHidden();
  });

  test('Reveal all answers opens every widget, hydrated or not yet', async ({ page }) => {
    await page.goto('/');
    const first = await ready(page, 'burnout-share');
    await expect(first.getByRole('button', { name: 'Reveal all answers' })).toBeVisible();
    // One such button per page.
    await expect(page.getByRole('button', { name: 'Reveal all answers' })).toHaveCount(1);
    await first.getByRole('slider').focus();
    await page.keyboard.press('End');
    await first.getByRole('button', { name: 'Reveal all answers' }).click();
    await expect(first.locator('[aria-live="polite"]')).toHaveText('Every answer on this page is now shown.');
    await expect(first.locator('.guess-result')).toBeFocused();
    for (const id of GUESSES) {
      const box = await ready(page, id);
      const value = published(id);
      await expect(box.locator('.guess-result')).toHaveText(
        id === 'burnout-share' ? `You guessed 100%; the published figure is ${value}%: ${100 - value} points higher.` : `The published figure is ${value}%.`,
      );
      await expect(box.locator('.guess-result')).toBeVisible();
      await expect(box.getByRole('slider')).toBeHidden();
    }
  });

  test('nothing is stored in the browser; a guess goes only to the guess service, in a request body', async ({ page, context }) => {
    const requests: string[] = [];
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    page.on('request', (r) => requests.push(r.url()));
    for (const id of GUESSES) {
      const box = await ready(page, id);
      await box.getByRole('slider').focus();
      await page.keyboard.press('ArrowRight');
      await box.getByRole('button', { name: 'Reveal', exact: true }).click();
      await expect(box.locator('.guess-result')).toContainText('You guessed 51%');
    }
    // The crowd's code loads after Reveal and sends the guess from there: wait for the last one to
    // leave, then check there was exactly one per reveal.
    const apiCalls = () => requests.filter((u) => new URL(u).pathname.startsWith('/api/')).map((u) => new URL(u).pathname);
    await expect.poll(() => apiCalls().length).toBeGreaterThanOrEqual(GUESSES.length);
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '' });
    expect(await context.cookies()).toEqual([]);
    // Scrolling may still load images or fonts, and the widgets' own code (its chunk is named
    // guess-first); nothing but the guess service hears of a guess, and no address carries one.
    expect(requests.filter((u) => /guess|51/.test(new URL(u).search))).toEqual([]);
    const elsewhere = (u: string) => !/^\/(api\/guesses|_astro\/guess-first\.[\w-]+\.js$)/.test(new URL(u).pathname);
    expect(requests.filter((u) => /guess/.test(u) && elsewhere(u))).toEqual([]);
    expect(apiCalls()).toEqual(GUESSES.map(() => '/api/guesses'));
  });

  test('the box keeps its height when the island hydrates', async ({ page }) => {
    await page.goto('/');
    const box = widget(page, 'career-freelancers');
    const before = await box.evaluate((el) => el.getBoundingClientRect().height);
    await ready(page, 'career-freelancers');
    const after = await box.evaluate((el) => el.getBoundingClientRect().height);
    expect(after).toBe(before);
  });
});

test.describe('guess first on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('the widget and its revealed bar fit without sideways scrolling', async ({ page }) => {
    await page.goto('/');
    const box = await ready(page, 'burnout-share');
    await box.getByRole('slider').focus();
    await page.keyboard.press('Home');
    await box.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(box.locator('.guess-you')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

test.describe('guess first with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('the bar reaches the published share at once', async ({ page }) => {
    await page.goto('/');
    const box = await ready(page, 'trust-top');
    await box.getByRole('button', { name: 'Skip' }).click();
    const width = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));
      return document.querySelector('[data-guess="trust-top"] .guess-fill')!.getAttribute('width');
    });
    expect(width).toBe(`${published('trust-top')}%`);
  });
});

test.describe('guess first with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('shows each question and its published figure, with no slider and no buttons', async ({ page }) => {
    await page.goto('/');
    for (const id of GUESSES) {
      const box = widget(page, id);
      await expect(box.locator('.guess-q')).toBeVisible();
      await expect(box.locator('.guess-result')).toBeVisible();
      await expect(box.locator('.guess-result')).toHaveText(`The published figure is ${published(id)}%.`);
      await expect(box.getByText(`Published: ${published(id)}%`)).toBeVisible();
      await expect(box.getByRole('link', { name: 'Check the figure and its sources' })).toBeVisible();
      await expect(box.getByRole('slider')).toHaveCount(0);
      await expect(box.getByRole('button')).toHaveCount(0);
      await expect(box.locator('input[type="range"]')).toBeHidden();
    }
  });
});
