import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chartInCohort, STORY_CHARTS, toggleReady, watchErrors } from './helpers';

const COHORTS = ['full-time', 'freelancers', 'all'];
/** Everything a reader could operate on screen; none of it may show on paper. */
const CONTROLS = 'button, input[type="radio"], nav, [data-cohort-toggle] [role="radiogroup"], .skip-link, summary';

async function storySectionIds(page: Page): Promise<string[]> {
  await page.goto('/');
  return page.locator('main .story > section[id]').evaluateAll((els) => els.map((e) => e.id));
}

async function print(page: Page) {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
}

test.describe('/teach/', () => {
  test('has two or three questions for every story section, in the story order', async ({ page }) => {
    const ids = await storySectionIds(page);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    await page.goto('/teach/');
    const taught = await page.locator('[data-teach-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-teach-section')));
    expect(taught).toEqual(ids);
    for (const id of ids) {
      const n = await page.locator(`[data-teach-section="${id}"] ol.questions > li`).count();
      expect(n, id).toBeGreaterThanOrEqual(2);
      expect(n, id).toBeLessThanOrEqual(3);
    }
    // A 45-minute lesson in timed steps, ending at 45.
    const times = await page.locator('.lesson li .time').allTextContents();
    expect(times.length).toBeGreaterThanOrEqual(4);
    expect(times[0]).toMatch(/^0–/);
    expect(times[times.length - 1]).toMatch(/–45 min$/);
  });

  test('every section links into the story in each group, and every target exists', async ({ page, baseURL }) => {
    const ids = new Set(await storySectionIds(page));
    await page.goto('/teach/');
    const links = await page.locator('a[data-story-link]').evaluateAll((els) =>
      els.map((a) => ({ section: a.getAttribute('data-story-link')!, cohort: a.getAttribute('data-cohort-link')!, href: (a as HTMLAnchorElement).href })),
    );
    expect(links).toHaveLength(ids.size * COHORTS.length);
    for (const section of ids) {
      expect(links.filter((l) => l.section === section).map((l) => l.cohort)).toEqual(COHORTS);
    }
    for (const link of links) {
      const url = new URL(link.href);
      expect(url.origin + url.pathname).toBe(new URL('/', baseURL).toString());
      expect(url.hash).toBe(`#${link.section}`);
      expect(ids.has(url.hash.slice(1))).toBe(true);
      // The default group needs no ?cohort=; the others name theirs.
      expect(url.searchParams.get('cohort') ?? 'full-time').toBe(link.cohort);
    }
    // Following one opens the story in that state, at that section.
    await page.locator('a[data-story-link="trust"][data-cohort-link="freelancers"]').click();
    await expect(page).toHaveURL(/\/\?cohort=freelancers#trust$/);
    await toggleReady(page);
    await expect(page.getByRole('radio', { name: 'Freelancers' })).toBeChecked();
    await chartInCohort(page, 'cohort-comparison', 'freelancers');
  });

  test('each copy button puts its citation on the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = watchErrors(page);
    await page.goto('/teach/');
    const block = page.locator('[data-cite-this]');
    const buttons = block.locator('button[data-copy]');
    await expect(buttons).toHaveCount(8);
    for (const button of await buttons.all()) {
      await expect(button).toBeVisible();
      const field = block.locator(`#${await button.getAttribute('data-copy')}`);
      const label = await button.getAttribute('data-copy-label');
      expect(label).toMatch(/^(APA citation|MLA citation|Chicago citation|BibTeX entry) of (this explainer|the report)$/);
      await button.click();
      await expect(block.locator('[data-copy-status]')).toHaveText(`Copied: ${label}.`);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await field.inputValue());
      expect(copied.length).toBeGreaterThan(40);
    }
    await expect(block.locator('textarea[data-citation="report-apa"]')).toHaveValue(
      /^Burlacu, G\., & Monahan, K\. \(2025, July 9\)\. From tools to teammates: Navigating the new human-AI relationship\. Upwork Research Institute\. https:\/\/www\.upwork\.com\/research\/navigating-human-ai-relationships$/,
    );
    expect(errors).toEqual([]);
  });

  test('axe finds no violations', async ({ page }) => {
    await page.goto('/teach/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('axe finds no violations in dark mode', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/teach/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('/teach/ in class mode (dist/ is built with GUESS_API)', () => {
  test('Run it as a class: a Start a class button, the join address; the lesson starts with phones and keeps the paper version', async ({ page }) => {
    await page.goto('/teach/');
    const run = page.locator('[data-class-run]');
    await expect(run.getByRole('heading', { name: 'Run it as a class' })).toBeVisible();
    await expect(run.getByRole('button', { name: 'Start a class' })).toBeVisible();
    // The join address on the site's own origin (SITE_URL; the local preview's when unset).
    await expect(run).toContainText(/127\.0\.0\.1:\d+\/join\//);
    const first = page.locator('.lesson li').first();
    await expect(first).toContainText('Start a class');
    await expect(first).toContainText('press Reveal');
    await expect(first).toContainText('Without phones, use the paper version');
  });

  test('the printed handout carries the join address, and no class control', async ({ page }) => {
    await page.goto('/teach/');
    await print(page);
    await expect(page.locator('[data-print-join]')).toBeVisible();
    await expect(page.locator('[data-print-join]')).toContainText(/http:\/\/127\.0\.0\.1:\d+\/join\//);
    await expect(page.locator('[data-class-run] button')).toBeHidden();
  });

  test('/present/ links to a class', async ({ page }) => {
    await page.goto('/present/');
    await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
    await expect(page.getByRole('link', { name: 'Start a class' })).toHaveAttribute('href', '/class/');
  });
});

test.describe('/teach/ without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('says how to print, shows the citations to select, and no dead button', async ({ page }) => {
    await page.goto('/teach/');
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.locator('[data-print-note]')).toContainText("use your browser's print command");
    await expect(page.locator('textarea[data-citation]')).toHaveCount(8);
    await expect(page.locator('textarea[data-citation="explainer-bibtex"]')).toHaveValue(/^@misc\{toolstoteammates2026,/);
  });
});

test.describe('printing', () => {
  test('/teach/ on screen has a Print handout button that calls window.print', async ({ page }) => {
    await page.goto('/teach/');
    await expect(page.locator('[data-print-note]')).toBeHidden();
    await page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => void ((window as unknown as { __printed: number }).__printed += 1);
    });
    await page.getByRole('button', { name: 'Print handout' }).click();
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
  });

  test('the story prints with no controls, every chart whole with its numbers open', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await toggleReady(page);
    await print(page);
    await expect(page.locator(CONTROLS).filter({ visible: true })).toHaveCount(0);
    await expect(page.locator('[data-cohort-toggle]')).toBeHidden();
    // A guess-first box prints its question with a line to write on, not the answer.
    const guess = page.locator('[data-guess]').first();
    await expect(guess.locator('.guess-q')).toBeVisible();
    await expect(guess.locator('.guess-stage')).toBeHidden();
    expect(await guess.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Your guess: ______ %"');
    const figures = page.locator('figure[data-chart]');
    await expect(figures).toHaveCount(STORY_CHARTS.length);
    for (const id of STORY_CHARTS) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      await expect(figure).toBeVisible();
      await expect(figure.locator('details')).toHaveAttribute('open', '');
      await expect(figure.locator('details table')).toBeVisible();
      await expect(figure.locator('details table tbody tr').first()).toBeVisible();
      await expect(figure.locator('.source-line')).toBeVisible();
      expect(await figure.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    }
    // Black on white, whatever the screen theme.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    // Links print their address; numbers in the text do not.
    const external = await page
      .locator('main a[href^="https://www.upwork.com"]')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(external).toBe('" (https://www.upwork.com/research/navigating-human-ai-relationships)"');
    const internal = await page
      .locator('main a.source-more')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(internal).toMatch(/^" \(http:\/\/127\.0\.0\.1:\d+\/data\/#source-[a-z-]+\)"$/);
    expect(await page.locator('main a.fig').first().evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
    // The footer says which group the charts show and where the page lives.
    const footer = page.locator('[data-print-footer]');
    await expect(footer).toBeVisible();
    await expect(footer.locator('[data-print-cohort]')).toHaveText('Charts show: Full-time employees.');
    await expect(footer.locator('[data-print-page]')).toHaveText(/^Printed from: http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(footer).toContainText('every number links to its row on the data page');
    // After printing, the page is as it was.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('[data-print-footer]')).toHaveCount(0);
    for (const id of STORY_CHARTS) await expect(page.locator(`figure[data-chart="${id}"] details`)).not.toHaveAttribute('open');
    expect(errors).toEqual([]);
  });

  test('the story printed for freelancers says so, with the address to reopen it', async ({ page }) => {
    await page.goto('/?cohort=freelancers');
    await toggleReady(page);
    for (const id of STORY_CHARTS) await chartInCohort(page, id, 'freelancers');
    await print(page);
    const footer = page.locator('[data-print-footer]');
    await expect(footer.locator('[data-print-cohort]')).toHaveText('Charts show: Freelancers.');
    await expect(footer.locator('[data-print-page]')).toHaveText(/\/\?cohort=freelancers$/);
  });

  test('/teach/ prints with no controls, its citations and a footer', async ({ page }) => {
    await page.goto('/teach/');
    await print(page);
    await expect(page.locator(CONTROLS).filter({ visible: true })).toHaveCount(0);
    await expect(page.locator('[data-teach-section]').first()).toBeVisible();
    for (const field of await page.locator('textarea[data-citation]').all()) {
      await expect(field).toBeVisible();
      // Nothing is cut off inside the box.
      expect(await field.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    }
    const footer = page.locator('[data-print-footer]');
    await expect(footer).toBeVisible();
    await expect(footer.locator('[data-print-cohort]')).toBeHidden();
    await expect(footer.locator('[data-print-page]')).toHaveText(/^Printed from: http:\/\/127\.0\.0\.1:\d+\/teach\/$/);
    await expect(footer).toContainText('Study: Burlacu, G., & Monahan, K. (2025, July 9).');
    const deep = await page
      .locator('a[data-story-link="trust"][data-cohort-link="all"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(deep).toMatch(/^" \(http:\/\/127\.0\.0\.1:\d+\/\?cohort=all#trust\)"$/);
  });

  for (const path of ['/teach/', '/']) {
    test(`page.pdf() of ${path} produces a PDF`, async ({ page }, testInfo) => {
      await page.goto(path);
      if (path === '/') await toggleReady(page);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.length).toBeGreaterThan(10_000);
      await testInfo.attach(`print${path.replace(/\//g, '-')}pdf`, { body: pdf, contentType: 'application/pdf' });
    });
  }
});
