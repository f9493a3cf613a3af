/**
 * Every page served by nginx, in Chromium, under both policies at once (the <meta> one and the
 * header, which adds frame-ancestors): no `securitypolicyviolation`, every island hydrates and
 * every chart is made explorable, no error; and a missing address shows the site's 404 page with
 * status 404.
 */
import { relative, sep } from 'node:path';
import { pagePath } from '../../src/lib/headers';
import { hydrateAll, watchErrors, watchViolations } from '../e2e/helpers';
import { filesUnder } from '../files';
import { DIST, expect, test } from './server';

const PAGES = filesUnder(DIST)
  .filter((f) => f.endsWith('.html'))
  .map((f) => pagePath(relative(DIST, f).split(sep).join('/')))
  .sort();

for (const path of PAGES) {
  test(`${path}: no CSP violation, every island hydrates, every chart is explorable, no error`, async ({ page, nginx }) => {
    const errors = watchErrors(page);
    const violations = await watchViolations(page);
    const res = await page.goto(nginx.site(path) + (path.startsWith('/embed/') ? '?theme=dark&cohort=freelancers' : ''));
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toMatch(/; frame-ancestors 'self'( http: https:)?$/);
    await hydrateAll(page);
    await expect(page.locator('figure[data-chart]:not([data-explore="ready"])')).toHaveCount(0);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test("a missing address: status 404 and the site's 404 page, styled, with no violation", async ({ page, nginx }) => {
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/no-such-page/')) failed.push(`${r.status()} ${r.url()}`);
  });
  const res = await page.goto(nginx.site('/no-such-page/'));
  expect(res?.status()).toBe(404);
  await expect(page).toHaveTitle(/not found/i);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'The story' })).toBeVisible();
  // Its stylesheet loaded: the page is laid out by the site's CSS, not the browser's defaults.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Source Sans 3');
  expect(failed).toEqual([]);
  expect(await violations()).toEqual([]);
  expect(errors.filter((e) => !/the server responded with a status of 404/.test(e))).toEqual([]);
});
