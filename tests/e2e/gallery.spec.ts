import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { STORY_CHARTS } from './helpers';

test.describe('/charts/', () => {
  test('lists every chart with embed code, images and data that resolve', async ({ page, request }) => {
    await page.goto('/charts/');
    const cards = page.locator('[data-card]');
    await expect(cards).toHaveCount(STORY_CHARTS.length);
    for (const id of STORY_CHARTS) {
      const card = page.locator(`[data-card="${id}"]`);
      await expect(card.getByRole('button', { name: 'Copy embed code' })).toBeVisible();
      for (const name of ['Download PNG', 'Download SVG', 'Data (CSV)']) {
        const href = await card.getByRole('link', { name }).getAttribute('href');
        const res = await request.get(href!);
        expect(res.ok(), `${id} ${name}`).toBe(true);
      }
      // The preview image has its size in the HTML, so nothing shifts when it loads.
      const img = card.locator('img.preview');
      expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
    }
  });

  test('"Copy embed code" puts the code on the clipboard and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/charts/');
    const card = page.locator('[data-card="cohort-comparison"]');
    await card.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(card.locator('[data-copy-status]')).toHaveText('Copied: embed code.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await card.locator('textarea').inputValue());
    expect(copied).toMatch(/^<iframe id="ttt-cohort-comparison" src="http[^"]+\/embed\/cohort-comparison\/"/);
    expect(copied).toContain('e.source!==f.contentWindow');
  });

  test('axe finds no violations', async ({ page }) => {
    await page.goto('/charts/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('/charts/ without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('shows the embed code to select, and no dead copy button', async ({ page }) => {
    await page.goto('/charts/');
    await expect(page.getByRole('button', { name: 'Copy embed code' })).toHaveCount(0);
    const card = page.locator('[data-card="productivity"]');
    await card.locator('summary', { hasText: 'Embed code' }).click();
    await expect(card.locator('textarea')).toBeVisible();
    await expect(card.locator('textarea')).toHaveValue(/<iframe /);
  });
});
