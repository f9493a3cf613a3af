import { expect, type Page } from '@playwright/test';

/** Every chart the story must show, in story order. */
export const STORY_CHARTS = [
  'productivity',
  'relative-vs-absolute',
  'quit-twice',
  'cohort-comparison',
  'freelancer-gains',
  'who-said-what',
  'who-was-asked',
] as const;

/** Waits until the cohort toggle has hydrated (its radios replace the static sentence). */
export async function toggleReady(page: Page) {
  await expect(page.getByRole('radiogroup', { name: 'Emphasise a group in every chart' })).toBeVisible();
}

/**
 * Scrolls a chart into view so its client:visible island hydrates, and waits until it reflects the
 * cohort. <astro-island> is display: contents, so scroll to the figure inside it.
 */
export async function chartInCohort(page: Page, id: string, cohort: string) {
  const figure = page.locator(`figure[data-chart="${id}"]`);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveAttribute('data-hydrated', 'true');
  await expect(figure).toHaveAttribute('data-cohort', cohort);
}

/** Collects console errors and page errors, to assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}
