/** A missing address gets status 404 and the site's own page: its layout, a way back, noindex, no CSP violation, axe clean. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

test('a missing path answers 404 with the site\'s page and a way back to the story and the data', async ({ page }) => {
  const errors = watchErrors(page);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/no-such-page/')) failed.push(`${r.status()} ${r.url()}`);
  });
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.getByRole('link', { name: 'The story' })).toHaveAttribute('href', /\/$/);
  await expect(page.getByRole('link', { name: 'Every figure with its source' })).toHaveAttribute('href', /\/data\/$/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  // The one failed load the console reports is the missing page itself; its styles and scripts all load.
  expect(failed).toEqual([]);
  expect(errors.filter((e) => !/the server responded with a status of 404/.test(e))).toEqual([]);
});
