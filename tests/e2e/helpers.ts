import { expect, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Every chart the story must show, in story order: read from the build's chart list
 * (/data/charts/index.json, written from the registry), never kept here as a copy.
 */
export const STORY_CHARTS: readonly string[] = (() => {
  const file = 'dist/data/charts/index.json';
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build)`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { charts: { id: string }[] }).charts.map((c) => c.id);
})();

/** Waits until the cohort toggle has hydrated (its radios replace the static sentence). */
export async function toggleReady(page: Page) {
  await expect(page.getByRole('radiogroup', { name: 'Emphasise a group in every chart' })).toBeVisible();
}

/**
 * Scrolls a chart into view so its island hydrates, and waits until it reflects the cohort (the
 * island marks its figure).
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

/** Opens /present/ at the slide that holds a chart, and returns that slide and its id. */
export async function openSlideOf(page: Page, chart: string) {
  await page.goto('/present/');
  await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
  const slide = page.locator(`[data-slide]:has(figure[data-chart="${chart}"])`);
  const id = (await slide.getAttribute('id'))!;
  await page.goto(`/present/#${id}`);
  await expect(page.locator('[data-slide][data-current]')).toHaveAttribute('id', id);
  return { slide, id };
}
