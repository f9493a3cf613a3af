/**
 * What a screen reader hears while the relative-vs-absolute slider moves: one announcement per
 * step, the slider's own value text. The chart holds one live region, its explorer's (lib/explore/),
 * which stays silent while the slider moves; nothing else in it is one (an <output> is one in
 * Chromium 156 and later, whatever the version), and no live region elsewhere on the page changes.
 * Live regions are found in the DOM by every attribute and element that makes one, so the test
 * does not depend on how one Chromium version maps <output>.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { chartReady, openSlideOf, watchErrors } from './helpers';

const LIVE = '[aria-live]:not([aria-live="off"]), [role~="status"], [role~="log"], [role~="alert"], [role~="timer"], [role~="marquee"], output';

/** Every live region within `root` that assistive technology can reach, with its current text. */
function liveRegions(root: Locator) {
  return root.evaluate((el, selector) => {
    return [...el.querySelectorAll(selector)]
      .filter((r) => !r.closest('[aria-hidden="true"], [hidden]'))
      .map((r) => `${r.tagName.toLowerCase()}${r.id ? `#${r.id}` : ''}: ${r.textContent?.trim() ?? ''}`);
  }, LIVE);
}

async function stepAndListen(page: Page, figure: Locator) {
  // The chart is explorable and its slider, its one island, wired up.
  await chartReady(figure);
  // One live region per chart: the explorer's, empty until a reader explores.
  expect(await liveRegions(figure)).toEqual(['p: ']);
  await expect(figure.locator('[data-explore-live]')).toHaveAttribute('aria-live', 'polite');
  const slider = figure.getByRole('slider', { name: 'Illustrative baseline (not published)' });
  await slider.focus();
  const start = Number(await slider.inputValue());
  const pageBefore = await liveRegions(page.locator('body'));
  await page.keyboard.press('ArrowRight');
  // The positive signal: the step has happened and the slider says what it means.
  const text = new RegExp(`^${start + 1}% of colleagues, illustrative: about (\\d+) in 100 top AI performers$`);
  await expect(slider).toHaveAttribute('aria-valuetext', text);
  const people = text.exec((await slider.getAttribute('aria-valuetext'))!)![1];
  await expect(figure.locator('.rx-working')).toContainText(`about ${people} people`);
  // …and nothing else speaks: no live region on the page changed, none appeared in the chart.
  expect(await liveRegions(page.locator('body'))).toEqual(pageBefore);
  expect(await liveRegions(figure)).toEqual(['p: ']);
  return slider;
}

test('in the story, a slider step is announced once, by the slider', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#burnout');
  const figure = page.locator('figure[data-chart="relative-vs-absolute"]');
  await figure.scrollIntoViewIfNeeded();
  await stepAndListen(page, figure);
  expect(errors).toEqual([]);
});

test('on its slide, a slider step is announced once and does not move the deck', async ({ page }) => {
  const { slide, id } = await openSlideOf(page, 'relative-vs-absolute');
  const announcer = page.locator('[data-status]');
  const said = await announcer.textContent();
  await stepAndListen(page, slide.locator('figure[data-chart="relative-vs-absolute"]'));
  await expect(page.locator('[data-slide][data-current]')).toHaveAttribute('id', id);
  expect(await announcer.textContent()).toBe(said);
});

test('in its embed, a slider step is announced once', async ({ page }) => {
  await page.goto('/embed/relative-vs-absolute/');
  await stepAndListen(page, page.locator('figure[data-chart="relative-vs-absolute"]'));
});
