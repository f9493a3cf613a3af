/**
 * The Content-Security-Policy in a real browser: every built page, in its interactive states,
 * raises no `securitypolicyviolation`, every island is still wired up and every chart still made
 * explorable (lib/charts.ts). The policy's content is checked against the HTML in
 * tests/build/csp.test.ts.
 */
import { expect, test } from '@playwright/test';
import { relative } from 'node:path';
import { pagePath } from '../../src/lib/headers';
import { hydrateAll, STORY_CHARTS, toggleReady, watchErrors, watchViolations } from './helpers';
import { filesUnder } from '../files';
import { registryCharts } from '../registry';

const PAGES = filesUnder('dist')
  .filter((f) => f.endsWith('index.html'))
  .map((f) => pagePath(relative('dist', f)))
  .sort();

test('dist/ lists the pages to check', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['/', '/data/', '/teach/', '/check/', '/present/', '/charts/', '/embed/quit-twice/']));
});

for (const path of PAGES) {
  test(`${path}: no CSP violation, every island hydrates, every chart is explorable`, async ({ page }) => {
    const errors = watchErrors(page);
    const violations = await watchViolations(page);
    const theme = path.startsWith('/embed/') ? '?theme=dark&cohort=freelancers' : '';
    await page.goto(path + theme);
    await hydrateAll(page);
    await expect(page.locator('figure[data-chart]:not([data-explore="ready"])')).toHaveCount(0);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('/ in use: toggle, guesses, section links and printing raise no violation', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  await page.goto('/?cohort=freelancers');
  await toggleReady(page);
  expect(await hydrateAll(page)).toBeGreaterThan(0);
  // The story's islands: its controls, and the charts with one of their own; no other chart is one.
  const islands = await page.locator('[data-island]').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-island')))]);
  expect(islands.sort()).toEqual(['CohortToggle', 'GuessFirst', ...registryCharts().filter((c) => c.island).map((c) => c.id)].sort());
  await expect(page.locator('figure[data-chart]')).toHaveCount(STORY_CHARTS.length);
  await expect(page.locator('figure[data-chart]:not([data-explore="ready"])')).toHaveCount(0);
  await page.getByRole('radio', { name: 'All respondents' }).check();
  await page.getByRole('radio', { name: 'Full-time employees' }).check();
  await page.getByRole('button', { name: 'Reveal all answers' }).click();
  await expect(page.locator('.guess-fill').first()).toBeVisible();
  await page.locator('#trust > h2 .section-link').click();
  await expect(page.locator('#section-link-status')).toContainText('copied: http');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('/present/ in use: moving through every slide raises no violation', async ({ page }) => {
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  await page.goto('/present/');
  await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
  for (let i = 0; i < STORY_CHARTS.length + 1; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`#slide-${STORY_CHARTS.length + 2}$`));
  await expect(page.locator('[data-island]:not([data-hydrated="true"])')).toHaveCount(0);
  await expect(page.locator('figure[data-chart]:not([data-explore="ready"])')).toHaveCount(0);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});
