import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectDescribes, STORY_CHARTS, toggleReady, watchErrors } from './helpers';

/** Title slide, one slide per chart, sources slide. */
const TOTAL = STORY_CHARTS.length + 2;
const current = (page: Page) => page.locator('[data-slide][data-current]');
/** The deck's own announcer; charts on a slide may hold other status regions (an <output> is one). */
const announcer = (page: Page) => page.locator('[data-presenter] [data-status]');

/** Opens /present/ (with an optional query and hash) and waits until the deck and the toggle are live. */
async function open(page: Page, path = '') {
  await page.goto(`/present/${path}`);
  await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
  await toggleReady(page);
}

async function expectSlide(page: Page, n: number) {
  await expect(current(page)).toHaveCount(1);
  await expect(current(page)).toHaveAttribute('id', `slide-${n}`);
  await expect(page.locator('[data-counter]')).toHaveText(`${n} / ${TOTAL}`);
}

/** Everything visible on the current slide lies inside the viewport, below the bar; the page does not scroll. */
async function fitsViewport(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollHeight > innerHeight + 1) problems.push(`scrollHeight ${root.scrollHeight} > ${innerHeight}`);
    if (root.scrollWidth > innerWidth + 1) problems.push(`scrollWidth ${root.scrollWidth} > ${innerWidth}`);
    const slide = document.querySelector('[data-slide][data-current]')!;
    const bar = document.querySelector('.present-bar')!.getBoundingClientRect();
    const inside = (el: Element, label: string) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      if (r.top < bar.bottom - 1 || r.left < -1 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1) {
        problems.push(`${slide.id} ${label}: ${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
    };
    inside(slide.firstElementChild!, 'content');
    for (const el of slide.querySelectorAll('h1, h2, p, li, svg, text, figcaption, input')) {
      if (el.closest('.visually-hidden') || getComputedStyle(el).display === 'none' || !(el as HTMLElement | SVGElement).checkVisibility?.()) continue;
      inside(el, el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''));
    }
    return problems;
  });
}

test.describe('present mode', () => {
  test('the arrow keys, Page keys, Space, Home and End move between slides and set the hash', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page);
    await expectSlide(page, 1);
    const historyLength = await page.evaluate(() => history.length);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    await expect(page).toHaveURL(/\/present\/#slide-2$/);
    const title = await page.locator('#slide-2 .chart-title').textContent();
    await expect(announcer(page)).toHaveRole('status');
    await expect(announcer(page)).toHaveText(`Slide 2 of ${TOTAL}: ${title}`);
    await page.keyboard.press('PageDown');
    await expectSlide(page, 3);
    await page.keyboard.press('Space');
    await expectSlide(page, 4);
    await page.keyboard.press('Shift+Space');
    await expectSlide(page, 3);
    await page.keyboard.press('PageUp');
    await expectSlide(page, 2);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 1);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 1);
    await page.keyboard.press('End');
    await expectSlide(page, TOTAL);
    await expect(page).toHaveURL(new RegExp(`#slide-${TOTAL}$`));
    await expect(announcer(page)).toHaveText(`Slide ${TOTAL} of ${TOTAL}: Sources`);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, TOTAL);
    await page.keyboard.press('Home');
    await expectSlide(page, 1);
    // Moving replaces the history entry: Back leaves the presentation rather than replaying it.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    // The page never scrolls while presenting.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('the Next slide and Previous slide buttons move, and say when there is no further slide', async ({ page }) => {
    await open(page);
    const next = page.getByRole('button', { name: 'Next slide' });
    const prev = page.getByRole('button', { name: 'Previous slide' });
    await expect(prev).toHaveAttribute('aria-disabled', 'true');
    for (const b of [next, prev]) {
      const box = (await b.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await next.click();
    await expectSlide(page, 2);
    await expect(page).toHaveURL(/#slide-2$/);
    await expect(prev).toHaveAttribute('aria-disabled', 'false');
    await next.click();
    await expectSlide(page, 3);
    await prev.click();
    await expectSlide(page, 2);
    await page.keyboard.press('End');
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await next.click({ force: true });
    await expectSlide(page, TOTAL);
  });

  test('a click on the right half goes on, on the left half goes back; a touch swipe moves too', async ({ page }) => {
    await open(page);
    const vp = page.viewportSize()!;
    // In the slide's side margins, clear of any link in the content.
    await page.mouse.click(vp.width - 12, vp.height / 2);
    await expectSlide(page, 2);
    await page.mouse.click(vp.width - 12, vp.height / 2);
    await expectSlide(page, 3);
    // A click on a control inside the slide is left to the control (slide 3 has a slider).
    await current(page).locator('input[type="range"]').click();
    await expectSlide(page, 3);
    await page.mouse.click(12, vp.height / 2);
    await expectSlide(page, 2);
    const swipe = async (from: number, to: number) => {
      const deck = page.locator('[data-deck]');
      const y = vp.height / 2;
      await deck.dispatchEvent('pointerdown', { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: from, clientY: y });
      await deck.dispatchEvent('pointerup', { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: to, clientY: y + 10 });
    };
    await swipe(700, 500);
    await expectSlide(page, 3);
    await swipe(500, 700);
    await expectSlide(page, 2);
    await swipe(500, 530); // too short to count
    await expectSlide(page, 2);
  });

  test('keys inside the cohort toggle stay with the toggle', async ({ page }) => {
    await open(page, '#slide-2');
    const fullTime = page.getByRole('radio', { name: 'Full-time employees' });
    await fullTime.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Freelancers' })).toBeChecked();
    await expectSlide(page, 2);
    await expect(page).toHaveURL(/\?cohort=freelancers#slide-2$/);
    await expect(page.locator('html')).toHaveAttribute('data-cohort', 'freelancers');
    await expectDescribes(page.locator('#slide-2 figure[data-chart]'), 'freelancers');
  });

  test('a deep link opens its slide in its cohort', async ({ page }) => {
    const errors = watchErrors(page);
    await open(page, '?cohort=freelancers#slide-4');
    await expectSlide(page, 4);
    await expect(page.getByRole('radio', { name: 'Freelancers' })).toBeChecked();
    await expect(current(page).locator('figure[data-chart]')).toHaveAttribute('data-chart', STORY_CHARTS[2]);
    await expect(page.locator('html')).toHaveAttribute('data-cohort', 'freelancers');
    await expectDescribes(current(page).locator('figure[data-chart]'), 'freelancers');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/\/present\/\?cohort=freelancers#slide-5$/);
    await expectDescribes(current(page).locator('figure[data-chart]'), 'freelancers');
    expect(errors).toEqual([]);
  });

  test('a changed hash moves the slide', async ({ page }) => {
    await open(page);
    await page.evaluate(() => (location.hash = '#slide-6'));
    await expectSlide(page, 6);
    await page.evaluate(() => (location.hash = '#slide-nope'));
    await expectSlide(page, 1);
    await expect(page).toHaveURL(/#slide-1$/);
  });

  for (const [hash, slide] of [
    ['#slide-0', 1],
    ['#slide-999', TOTAL],
    ['#slide-abc', 1],
    ['#slide-0004', 1],
    ['#slide-4x', 1],
    ['#<img src=x onerror="window.__pwned=1">', 1],
    ['#"><script>window.__pwned=1</script>', 1],
    ['#%E0%A4%A', 1],
  ] as const) {
    test(`the hash ${hash.slice(0, 24)} falls back to slide ${slide} and runs nothing`, async ({ page }) => {
      const errors = watchErrors(page);
      await open(page, hash);
      await expectSlide(page, slide);
      await expect(page).toHaveURL(new RegExp(`/present/#slide-${slide}$`));
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.content()).not.toContain('__pwned');
      expect(errors).toEqual([]);
    });
  }

  test('the site navigation links to present mode', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Present' }).click();
    await expect(page).toHaveURL(/\/present\/$/);
    await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
  });
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`present mode at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    for (const cohort of ['full-time', 'freelancers'] as const) {
      test(`every slide fits without scrolling (${cohort})`, async ({ page }) => {
        await open(page, cohort === 'full-time' ? '' : `?cohort=${cohort}`);
        await page.evaluate(() => document.fonts.ready);
        for (let n = 1; n <= TOTAL; n++) {
          await page.evaluate((n) => (location.hash = `#slide-${n}`), n);
          await expectSlide(page, n);
          if (n > 1 && n < TOTAL) await expectDescribes(current(page).locator('figure[data-chart]'), cohort);
          await expect.poll(() => fitsViewport(page)).toEqual([]);
        }
      });
    }

    test('the slide text is scaled up for the room', async ({ page }) => {
      await open(page, '#slide-8');
      // Rendered size: the computed font size times the zoom presenter.ts gave the slide.
      const size = (selector: string) =>
        current(page)
          .locator(selector)
          .evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * (el as Element & { currentCSSZoom: number }).currentCSSZoom);
      await expect.poll(() => size('.chart-title')).toBeGreaterThanOrEqual(viewport.height / 20);
      expect(await size('.takeaway')).toBeGreaterThanOrEqual(viewport.height / 30);
    });
  });
}

test.describe('present mode without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every slide is a screen-high section of a scrolling page, with no dead controls', async ({ page }) => {
    await page.goto('/present/?cohort=freelancers#slide-4');
    const slides = page.locator('[data-slide]');
    await expect(slides).toHaveCount(TOTAL);
    const vh = page.viewportSize()!.height;
    for (let i = 0; i < TOTAL; i++) {
      const slide = slides.nth(i);
      await expect(slide).toBeVisible();
      expect((await slide.boundingBox())!.height).toBeGreaterThanOrEqual(vh);
    }
    for (const id of STORY_CHARTS) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      await expect(figure.locator('svg').first()).toBeVisible();
      await expect(figure.locator('.source-line')).toContainText('Sources:');
    }
    await expect(page.locator('#slide-1 h1')).toContainText('From Tools to Teammates');
    await expect(page.locator('#slide-1 [data-figure="sample-all"]')).toHaveText('2,500');
    await expect(page.locator('#slide-1')).toContainText('9 July 2025');
    await expect(page.getByRole('button')).toHaveCount(0);
    // No dead control: the only radios are those that work without a script (the press trail's picker, by CSS).
    // The toggle's radios are in the HTML but hidden until its island starts: none is shown.
    await expect(page.locator('input[type="radio"]:not([data-works-without-script] input)').filter({ visible: true })).toHaveCount(0);
    await expect(page.locator('[data-cohort-toggle]')).toContainText('side by side');
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(TOTAL * vh);
  });
});

test.describe('present mode with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('slides change at once, with no transition', async ({ page }) => {
    await open(page);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    const durations = await page.locator('[data-slide]').evaluateAll((els) => els.map((el) => getComputedStyle(el).transitionDuration));
    expect(durations.every((d) => d.split(',').every((x) => parseFloat(x) < 0.001))).toBe(true);
    expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
  });
});

test.describe('present mode accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations on any slide (${scheme})`, async ({ page }) => {
      // axe on every slide: a ceiling for a hang, not a speed check (a busy machine cannot fail it).
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await open(page, '?cohort=freelancers');
      for (let n = 1; n <= TOTAL; n++) {
        if (n > 1) await page.keyboard.press('ArrowRight');
        await expectSlide(page, n);
        // The whole page once; then the bar and the slide on show (hidden slides are out of reach anyway).
        let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
        if (n > 1) axe = axe.include('.present-bar').include(`#slide-${n}`);
        const results = await axe.analyze();
        expect(results.violations.map((v) => `slide ${n} ${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    });
  }
});
