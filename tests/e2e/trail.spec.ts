/**
 * "How the numbers travelled" (the press trail) in the browser: the reader picks a figure and its
 * trail in words alone shows, the picker is a native radio group (arrow keys) that works by CSS, so
 * also without JavaScript, and the chart ships no code of its own. Every row of the chart's CSV
 * appears, with its page's wording.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { chartReady, watchErrors } from './helpers';

const ID = 'press-trail';

async function csvRows(page: Page) {
  const text = await (await page.request.get(`/data/charts/${ID}.csv`)).text();
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

test('picking a figure shows its trail: the report first, then every page that retold it, in the CSV’s order', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`/embed/${ID}/`);
  const figure = page.locator(`figure[data-chart="${ID}"]`);
  await chartReady(figure);
  const rows = await csvRows(page);
  const picker = figure.getByRole('group', { name: 'Follow one number' });
  await expect(picker.getByRole('radio')).toHaveCount(new Set(rows.map((r) => r.figure)).size);

  for (const figureKey of ['trust-67', 'politeness-85', 'burnout-88']) {
    const radio = picker.locator(`input[value="${figureKey}"]`);
    await radio.check();
    const trail = figure.locator('ol.trail:visible');
    await expect(trail).toHaveCount(1);
    await expect(trail).toHaveAttribute('data-figure', figureKey);
    // Its rows, in the CSV's order: the report's own (where it gives one) first, then each page.
    const expected = rows.filter((r) => r.figure === figureKey);
    const items = trail.locator('> li');
    const hasRoot = expected[0]!.kind === 'report';
    await expect(items).toHaveCount(hasRoot ? expected.length : expected.length + 1);
    await expect(items.first()).toContainText(hasRoot ? 'The report' : 'No root');
    const pages = await trail.locator('li.tr-version').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-source')));
    expect(pages).toEqual(expected.filter((r) => r.kind !== 'report').map((r) => r.source_id));
    for (const r of expected.filter((x) => x.kind !== 'report')) {
      await expect(trail.locator(`li[data-source="${r.source_id}"] .tr-quote`)).toContainText(r.wording);
    }
  }
  expect(errors).toEqual([]);
});

test('the picker is a radio group: the arrow keys move the pick, and the trail follows', async ({ page }) => {
  await page.goto(`/embed/${ID}/`);
  const figure = page.locator(`figure[data-chart="${ID}"]`);
  await chartReady(figure);
  const first = figure.getByRole('radio').first();
  await first.focus();
  await expect(first).toBeChecked();
  await page.keyboard.press('ArrowRight');
  const second = figure.getByRole('radio').nth(1);
  await expect(second).toBeChecked();
  await expect(second).toBeFocused();
  await expect(figure.locator('ol.trail:visible')).toHaveAttribute('data-figure', (await second.getAttribute('value'))!);
  const results = await new AxeBuilder({ page }).include(`figure[data-chart="${ID}"]`).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('the chart ships no code of its own (it has no island) and nothing moves as the page loads', async ({ page }) => {
  await page.goto(`/embed/${ID}/`);
  const figure = page.locator(`figure[data-chart="${ID}"]`);
  await chartReady(figure);
  await expect(figure.locator('[data-island]')).toHaveCount(0);
  const shifts = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
  expect(shifts).toBeLessThan(0.001);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the picker still works, and every CSV row is in the page under its figure’s name', async ({ page }) => {
    await page.goto(`/embed/${ID}/`);
    const figure = page.locator(`figure[data-chart="${ID}"]`);
    const rows = await csvRows(page);
    const figures = [...new Set(rows.map((r) => r.figure))];
    await expect(figure.locator('ol.trail')).toHaveCount(figures.length);
    await expect(figure.locator('p.tr-fig')).toHaveCount(figures.length);
    await expect(figure.locator('li.tr-version')).toHaveCount(rows.filter((r) => r.kind !== 'report').length);
    await expect(figure.locator('ol.trail:visible')).toHaveAttribute('data-figure', figures[0]!);
    await figure.getByRole('radio', { name: /^Trust/ }).check();
    await expect(figure.locator('ol.trail:visible')).toHaveCount(1);
    await expect(figure.locator('ol.trail:visible')).toHaveAttribute('data-figure', 'trust-67');
  });
});
