import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { registryCharts, type Cohort } from '../registry';
import { cohortProblems, drawnInEachCohort } from './cohorts';
import { chartInCohort, chartReady, STORY_CHARTS, toggleReady, watchErrors } from './helpers';

/** The toggle's radio for each cohort, by its accessible name. */
const TOGGLE_LABELS: Record<Cohort, string> = { 'full-time': 'Full-time employees', freelancers: 'Freelancers', all: 'All respondents' };

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
    // Every chart but those drawn the same in every cohort by design (ChartEntry.sameInEveryCohort)
    // must draw each cohort differently (its bars' rendered heights, a label's ▶ or weight, a value's
    // size, a marker's shape: tests/drawn.ts) and describe each cohort as its page should.
    const charts = registryCharts().filter((c) => !c.sameInEveryCohort);
    const ids = charts.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(STORY_CHARTS).toEqual(expect.arrayContaining(ids));
    for (const id of ids) await chartReady(page.locator(`figure[data-chart="${id}"]`));
    const choose = async (cohort: Cohort) => {
      await page.getByRole('radio', { name: TOGGLE_LABELS[cohort] }).check();
      await expect(page.locator('html')).toHaveAttribute('data-cohort', cohort);
      await expect(page).toHaveURL((url) => url.search === (cohort === 'full-time' ? '' : `?cohort=${cohort}`));
    };
    const drawn = await drawnInEachCohort(page, ids, ['full-time', 'freelancers', 'all'], choose);
    const descriptions = Object.fromEntries(charts.map((c) => [c.id, c.pageDescriptions]));
    expect(cohortProblems(drawn, descriptions)).toEqual([]);
    // Back to the default, every chart draws what it drew at first.
    const again = await drawnInEachCohort(page, ids, ['full-time'], choose);
    for (const id of ids) expect(again[id]!['full-time'], `${id} draws full-time again`).toEqual(drawn[id]!['full-time']);
    expect(errors).toEqual([]);
  });

  test('a deep link opens in its state, at its section', async ({ page }) => {
    await page.goto('/?cohort=freelancers#trust');
    await toggleReady(page);
    await expect(page.getByRole('radio', { name: 'Freelancers' })).toBeChecked();
    await chartInCohort(page, 'cohort-comparison', 'freelancers');
    // The freelancers' cell is drawn as the chosen one (▶ and bold), the full-time employees' is not.
    const topic = page.locator('figure[data-chart="cohort-comparison"] [data-topic="burnout"]');
    const cell = topic.locator('[data-side="freelancers"]');
    await expect(cell.locator('.kit-label .kit-mark')).toBeVisible();
    await expect(cell.locator('.kit-label')).toHaveCSS('font-weight', '700');
    await expect(topic.locator('[data-side="full-time"] .kit-label .kit-mark')).toBeHidden();
    await expect(topic.locator('[data-side="full-time"] .kit-label')).toHaveCSS('font-weight', '400');
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

  for (const cohort of ['full-time', 'freelancers'] as const) {
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
    // The bar's attributes never change: CSS gives the chosen one its band's height, so read what is drawn.
    const bar = page.locator('figure[data-chart="cohort-comparison"] [data-topic="career"] [data-side="freelancers"] rect.kit-grows');
    const [before, band] = await bar.evaluate((el: SVGRectElement) => [el.getBBox().height, (el.parentNode as SVGSVGElement).height.baseVal.value]);
    expect(before).toBeLessThan(band);
    await page.getByRole('radio', { name: 'Freelancers' }).check();
    // Read in the same frame as the change: with motion, the bar would still be on its way.
    const after = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const el = document.querySelector<SVGRectElement>('figure[data-chart="cohort-comparison"] [data-topic="career"] [data-side="freelancers"] rect.kit-grows');
      return el!.getBBox().height;
    });
    expect(after).toBe(band);
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
