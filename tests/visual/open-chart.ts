import { expect, type Page } from '@playwright/test';

/** The font Chromium actually drew an element with (not merely the one that loaded). */
export async function drawnFont(page: Page, selector: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName).join(', ');
  } finally {
    await cdp.detach();
  }
}

/**
 * Opens a page and waits until `selector` is drawn in the web font. The font is
 * `font-display: optional`: on a slow first load Chromium may keep the fallback for that visit, so
 * reload (the font then comes from cache) until the element is drawn in it.
 */
export async function gotoInFont(page: Page, url: string, selector: string) {
  for (let attempt = 0; ; attempt++) {
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready);
    if ((await drawnFont(page, selector)).includes('Source Sans 3') || attempt === 3) break;
  }
  expect(await drawnFont(page, selector)).toContain('Source Sans 3');
}

/**
 * A chart's embed page in a cohort and theme, drawn in the web font, made explorable and, where it
 * has a control, that island wired up: returns the chart's figure.
 */
export async function openChart(page: Page, chart: string, cohort: string, theme: string) {
  await gotoInFont(page, `/embed/${chart}/?cohort=${cohort}&theme=${theme}`, `figure[data-chart="${chart}"] .chart-title`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page.locator('html')).toHaveAttribute('data-cohort', cohort);
  const figure = page.locator(`figure[data-chart="${chart}"]`);
  await expect(figure).toHaveAttribute('data-explore', 'ready');
  for (const island of await figure.locator('[data-island]').all()) await expect(island).toHaveAttribute('data-hydrated', 'true');
  return figure;
}
