import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { STORY_CHARTS } from '../e2e/helpers';

/**
 * Visual regression: every chart on its embed page, at 320 and 1024 px, in both story cohorts and
 * both themes, compared with the baselines in tests/visual/__screenshots__/. Each test keeps one
 * page and visits the chart's four cohort × theme variants, so a failing run reports every diff.
 * Waits on states only: the chart drawn in the web font, theme attribute, hydrated island in the cohort.
 */
const WIDTHS = [320, 1024] as const;
const COHORTS = ['full-time', 'freelancers'] as const;
const THEMES = ['light', 'dark'] as const;

/** The font Chromium actually drew the chart's title with (not merely the one that loaded). */
async function titleFont(page: Page, chart: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `figure[data-chart="${chart}"] .chart-title` });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName).join(', ');
  } finally {
    await cdp.detach();
  }
}

async function openChart(page: Page, chart: string, cohort: string, theme: string) {
  const url = `/embed/${chart}/?cohort=${cohort}&theme=${theme}`;
  // The web font is `font-display: optional`: on a slow first load Chromium may keep the fallback
  // for that visit. Reload (the font then comes from cache) until the chart is drawn in it.
  for (let attempt = 0; ; attempt++) {
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready);
    if ((await titleFont(page, chart)).includes('Source Sans 3') || attempt === 3) break;
  }
  expect(await titleFont(page, chart)).toContain('Source Sans 3');
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  const figure = page.locator(`figure[data-chart="${chart}"]`);
  await expect(figure).toHaveAttribute('data-hydrated', 'true');
  await expect(figure).toHaveAttribute('data-cohort', cohort);
  return figure;
}

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
