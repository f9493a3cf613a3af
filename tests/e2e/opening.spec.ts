/**
 * The story opens with what the study found: the findings list is on the first screen, and a chart
 * starts within a screen and a half, on a phone and on a laptop.
 */
import { expect, test } from '@playwright/test';

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test('the findings start on the first screen, and the first chart within 1.5 screens', async ({ page }) => {
      await page.goto('/');
      await page.evaluate(() => document.fonts.ready);
      const top = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      const findings = page.locator('[data-findings]');
      await expect(findings).toBeVisible();
      expect(await top('[data-findings]')).toBeLessThan(viewport.height);
      await expect(findings.getByRole('listitem')).toHaveCount(6);
      const chart = await top('figure[data-chart]');
      expect(chart, `first chart starts at ${Math.round(chart)} px`).toBeLessThanOrEqual(1.5 * viewport.height);
      // The table of contents is folded, and opens.
      const toc = page.getByRole('navigation', { name: 'In this story' });
      await expect(toc.getByRole('link').first()).toBeHidden();
      await toc.locator('summary').click();
      await expect(toc.getByRole('link')).toHaveCount(10);
      await expect(toc.getByRole('link').first()).toBeVisible();
    });
  });
}
