/**
 * "Reuse this work" on a chart's page: the citations carry the date the reader retrieved them (filled
 * in their browser; a placeholder without JavaScript), a snippet's copy button puts that code on the
 * clipboard, the downloads are served, and axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { STORY_CHARTS } from './helpers';

const id = STORY_CHARTS[0]!;

test('the citations give the day the reader retrieved the chart, in each style', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00'));
  await page.goto(`/charts/${id}/`);
  const reuse = page.locator('[data-reuse]');
  await expect(reuse.locator('[data-cite-style="apa"]').first()).toHaveValue(/Retrieved December 1, 2026, from http/);
  await expect(reuse.locator('[data-cite-style="mla"]').first()).toHaveValue(/Accessed 1 Dec\. 2026\.$/);
  await expect(reuse.locator('[data-cite-style="chicago"]').first()).toHaveValue(/Accessed December 1, 2026\. http/);
  await expect(reuse.locator('[data-cite-style="bibtex"]').first()).toHaveValue(/urldate = \{2026-12-01\}/);
  for (const box of await reuse.locator('[data-cite-style]').all()) await expect(box).not.toHaveValue(/date retrieved|YYYY/);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the citations say where the retrieval date goes, and no copy button shows', async ({ page }) => {
    await page.goto(`/charts/${id}/`);
    const reuse = page.locator('[data-reuse]');
    await expect(reuse.locator('[data-cite-style="apa"]').first()).toHaveValue(/Retrieved \[date retrieved\], from/);
    await expect(reuse.getByRole('button', { name: /Copy/ })).toHaveCount(0);
  });
});

test('a snippet copies, the downloads are served, and axe finds nothing', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/charts/${id}/`);
  const reuse = page.locator('[data-reuse]');
  await reuse.getByRole('button', { name: 'Copy the Python (pandas) code' }).click();
  await expect(reuse.locator('[data-copy-status]')).toHaveText('Copied: Python (pandas) code.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`pd.read_csv("${new URL(`/data/charts/${id}.csv`, baseURL).href}")`);
  for (const link of await reuse.locator('.reuse-downloads a').all()) {
    const res = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
    expect(res.status(), (await link.getAttribute('href')) ?? 'a download').toBe(200);
  }
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
