import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('/changes/', () => {
  test('reached from the footer; its feed is linked and served as Atom', async ({ page, request }) => {
    await page.goto('/data/');
    await page.locator('footer').getByRole('link', { name: 'record of changes' }).click();
    await expect(page).toHaveURL(/\/changes\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record of changes');
    await expect(page.locator('ol.changes > li').last().getByRole('heading', { level: 2 })).toContainText('first publication');
    const feed = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    const res = await request.get(new URL(feed!).pathname);
    expect(res.ok()).toBe(true);
    expect(await res.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/changes/');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
