import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { STORY_CHARTS } from '../e2e/helpers';
import { openChart } from './open-chart';

/**
 * Visual regression: every chart on its embed page, at 320 and 1024 px, in both story cohorts and
 * both themes, compared with the baselines in tests/visual/__screenshots__/. Each test keeps one
 * page and visits the chart's four cohort × theme variants, so a failing run reports every diff.
 * Waits on states only: the chart drawn in the web font, theme attribute, hydrated island in the cohort.
 */
const WIDTHS = [320, 1024] as const;
const COHORTS = ['full-time', 'freelancers'] as const;
const THEMES = ['light', 'dark'] as const;

for (const width of WIDTHS) {
  test.describe(`charts at ${width} px`, () => {
    test.use({ viewport: { width, height: 1000 } });
    for (const chart of STORY_CHARTS) {
      test(`${chart} looks as in its baselines`, async ({ page }) => {
        for (const cohort of COHORTS) {
          for (const theme of THEMES) {
            const figure = await openChart(page, chart, cohort, theme);
            await expect.soft(figure).toHaveScreenshot(`${chart}-${width}-${cohort}-${theme}.png`);
          }
        }
      });
    }
  });
}

test('the visual suite covers every chart the build has an embed page for', () => {
  // dist/embed/ has one folder per chart in src/charts/registry.ts (which imports .svelte files,
  // so it cannot be loaded here).
  const built = readdirSync('dist/embed', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  expect(built.sort()).toEqual([...STORY_CHARTS].sort());
});
