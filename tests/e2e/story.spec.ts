import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { drawnDiffers, drawnState, type DrawnState } from '../drawn';
import { chartInCohort, STORY_CHARTS, toggleReady, watchErrors } from './helpers';

test.describe('story', () => {
  test('has every section, in order, and every chart', async ({ page }) => {
    await page.goto('/');
    const ids = await page.locator('main section[id]').evaluateAll((els) => els.map((e) => e.id));
    const expected = ['productivity', 'burnout', 'quitting', 'trust', 'politeness', 'relationship', 'freelancers', 'reporting', 'methodology', 'sources'];
    expect(ids.filter((id) => expected.includes(id))).toEqual(expected);
    const charts = await page.locator('figure[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
    expect(charts).toEqual([...STORY_CHARTS]);
  });

  test('the toggle changes what every chart draws, and the URL', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await toggleReady(page);
    // The press trail is drawn once for every cohort by design; every other chart must draw the
    // cohort: its emphasised marks, its bars' geometry, its ▶ or the description read (tests/drawn.ts).
    const charts = STORY_CHARTS.filter((id) => id !== 'press-trail');
    const figure = (id: string) => page.locator(`figure[data-chart="${id}"]`);
    for (const id of charts) {
      await figure(id).scrollIntoViewIfNeeded();
      await expect(figure(id)).toHaveAttribute('data-hydrated', 'true');
    }
    const drawnNow = async () => {
      const states: Record<string, DrawnState> = {};
      for (const id of charts) states[id] = await figure(id).evaluate(drawnState);
      return states;
    };
    const first = await drawnNow();
    let before = first;
    for (const [name, url] of [
      ['Freelancers', /\?cohort=freelancers$/],
      ['All respondents', /\?cohort=all$/],
    ] as const) {
      await page.getByRole('radio', { name }).check();
      await expect(page).toHaveURL(url);
      for (const id of charts) {
        await expect
          .poll(async () => drawnDiffers(before[id], await figure(id).evaluate(drawnState)), { message: `${id} draws ${name}` })
          .toBe(true);
      }
      before = await drawnNow();
    }
    await page.getByRole('radio', { name: 'Full-time employees' }).check();
    await expect(page).toHaveURL((url) => url.search === '');
    // Back to the default, every chart draws what it drew at first.
    for (const id of charts) {
      await expect.poll(() => figure(id).evaluate(drawnState), { message: `${id} draws full-time again` }).toEqual(first[id]);
    }
    expect(errors).toEqual([]);
  });

  test('a deep link opens in its state, at its section', async ({ page }) => {
    await page.goto('/?cohort=freelancers#trust');
    await toggleReady(page);
    await expect(page.getByRole('radio', { name: 'Freelancers' })).toBeChecked();
    await chartInCohort(page, 'cohort-comparison', 'freelancers');
    const cell = page.locator('figure[data-chart="cohort-comparison"] [data-topic="burnout"] [data-side="freelancers"]');
    await expect(cell).toHaveClass(/selected/);
    await expect(cell).toHaveAttribute('data-value', 'not-reported');
    await expect(cell).toContainText('Not reported');
  });

  for (const payload of [
    '<script>window.__pwned=1</script>',
    '"><img src=x onerror="window.__pwned=1">',
    'javascript:window.__pwned=1',
    '__proto__',
    '%E0%A4%A',
    'FREELANCERS',
  ]) {
    test(`a hostile ?cohort=${payload.slice(0, 24)} falls back and runs nothing`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/?cohort=${encodeURIComponent(payload)}`);
      await toggleReady(page);
      await expect(page.getByRole('radio', { name: 'Full-time employees' })).toBeChecked();
      await chartInCohort(page, 'cohort-comparison', 'full-time');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      const html = await page.content();
      expect(html).not.toContain('__pwned');
      expect(errors).toEqual([]);
    });
  }

  test('keyboard: Tab reaches the toggle, arrow keys move the choice', async ({ page }) => {
    await page.goto('/');
    await toggleReady(page);
    const first = page.getByRole('radio', { name: 'Full-time employees' });
    for (let i = 0; i < 60 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Freelancers' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Freelancers' })).toBeFocused();
    await expect(page).toHaveURL(/\?cohort=freelancers$/);
    await page.keyboard.press('ArrowLeft');
    await expect(first).toBeChecked();
    // The focus ring is visible on the segment that holds focus.
    const outline = await page.locator('.segment:has(input:focus-visible)').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  for (const cohort of ['full-time', 'freelancers']) {
    test(`axe finds no violations with cohort ${cohort}`, async ({ page }) => {
      // axe over the whole story takes about 25 s on a two-core machine with nothing else running:
      // the timeout is a ceiling for a hang, not a speed check, so a busy machine cannot fail it.
      test.setTimeout(120_000);
      await page.goto(cohort === 'full-time' ? '/' : `/?cohort=${cohort}`);
      await toggleReady(page);
      for (const id of STORY_CHARTS) await chartInCohort(page, id, cohort);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('axe finds no violations in dark mode', async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/?cohort=freelancers');
    await toggleReady(page);
    for (const id of STORY_CHARTS) await chartInCohort(page, id, 'freelancers');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('story on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('nothing scrolls sideways, in either cohort', async ({ page }) => {
    for (const url of ['/', '/?cohort=freelancers']) {
      await page.goto(url);
      await toggleReady(page);
      for (const id of STORY_CHARTS) await page.locator(`figure[data-chart="${id}"]`).scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('story with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('every chart is complete in the HTML, with its table and source', async ({ page }) => {
    await page.goto('/?cohort=freelancers');
    for (const id of STORY_CHARTS) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      await expect(figure.locator('svg').first()).toBeVisible();
      await expect(figure.locator('.chart-title')).not.toBeEmpty();
      await expect(figure.locator('.source-line')).toContainText('Sources:');
      await expect(figure.locator('details table tbody tr').first()).toBeAttached();
    }
    await expect(page.locator('[data-cohort-toggle]')).toContainText('side by side');
    // No dead control: the only radios shown are those that work without a script (the press trail's
    // picker, by CSS); the toggle's radios are in the HTML but hidden until its island starts.
    await expect(
      page.locator('input[type="radio"]:not([data-works-without-script] input)').filter({ visible: true }),
    ).toHaveCount(0);
    await expect(page.getByRole('radiogroup')).toHaveCount(0);
  });
});

test.describe('story with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('the toggle moves marks to their final state at once, with no running animation', async ({ page }) => {
    await page.goto('/');
    await toggleReady(page);
    await chartInCohort(page, 'cohort-comparison', 'full-time');
    const bar = page.locator('figure[data-chart="cohort-comparison"] [data-topic="career"] [data-side="freelancers"] rect.kit-bar');
    const before = Number(await bar.getAttribute('height'));
    await page.getByRole('radio', { name: 'Freelancers' }).check();
    // Read in the same frame as the change: with motion, the bar would still be at its start.
    const after = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const el = document.querySelector('figure[data-chart="cohort-comparison"] [data-topic="career"] [data-side="freelancers"] rect.kit-bar');
      return Number(el?.getAttribute('height'));
    });
    expect(after).toBeGreaterThan(before);
    expect(after).toBe(16);
    expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
  });
});

test.describe('story performance', () => {
  test('requests nothing from another origin, fonts included', async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto('/');
    await toggleReady(page);
    for (const id of STORY_CHARTS) await page.locator(`figure[data-chart="${id}"]`).scrollIntoViewIfNeeded();
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Source Sans 3') && f.status === 'loaded'))).toBe(true);
    expect(foreign).toEqual([]);
  });

  test('islands hydrate without shifting the layout', async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/?cohort=freelancers');
    await toggleReady(page);
    for (const id of STORY_CHARTS) await chartInCohort(page, id, 'freelancers');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
  });
});

test.describe('section links', () => {
  test('"Copy link" puts the section URL with the current cohort on the clipboard, and says so', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await toggleReady(page);
    await page.getByRole('radio', { name: 'Freelancers' }).check();
    await expect(page.getByRole('button', { name: /^Copy link to this section: Trust/ })).toBeVisible();
    // Its name changes once copied, so hold it by position rather than by name.
    const button = page.locator('#trust > h2 .section-link');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toContainText('Link copied');
    await expect(page.locator('#section-link-status')).toContainText('copied: http');
    await expect(page.locator('#section-link-status')).not.toContainText('Copy link');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/?cohort=freelancers#trust`);
  });

  test('every story section has one', async ({ page }) => {
    await page.goto('/');
    const sections = await page.locator('main .story > section[id]').count();
    await expect(page.locator('main .story > section[id] > h2 .section-link')).toHaveCount(sections);
  });

  test('opening a copied link lands on the section in that state', async ({ page }) => {
    await page.goto('/?cohort=all#methodology');
    await toggleReady(page);
    await expect(page.getByRole('radio', { name: 'All respondents' })).toBeChecked();
    await expect(page.locator('#methodology h2')).toBeInViewport();
    await chartInCohort(page, 'who-was-asked', 'all');
  });
});
