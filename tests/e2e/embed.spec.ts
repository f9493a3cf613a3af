import { expect, test } from '@playwright/test';
import type { Server } from 'node:http';
import { startHost } from './host-server';
import { chartInCohort, embedFrame, expectDescribes, expectFitted, STORY_CHARTS, watchErrors } from './helpers';

let server: Server;
/** The newsroom page's origin: another port, so another origin than the site's. */
let HOST: string;
test.beforeAll(async ({ baseURL }) => {
  ({ server, origin: HOST } = await startHost(new URL(baseURL!).origin));
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

for (const width of [1280, 320]) {
  test.describe(`embeds at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const chart of STORY_CHARTS) {
      test(`${chart} sizes itself with pym.js and with our embed code`, async ({ page }) => {
        const errors = watchErrors(page);
        await page.goto(`${HOST}/pym.html?chart=${chart}`);
        await expectFitted(page, chart);
        await page.goto(`${HOST}/code.html?chart=${chart}`);
        await expectFitted(page, chart);
        expect(errors).toEqual([]);
      });
    }
  });
}

test('the embed resizes again when the reader opens "Show the numbers"', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto(`${HOST}/code.html?chart=cohort-comparison`);
  const frame = await embedFrame(page, 'cohort-comparison');
  await expectFitted(page, 'cohort-comparison');
  const iframe = page.locator('iframe[src*="/embed/cohort-comparison/"]');
  const before = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  await frame.getByText('Show the numbers').click();
  await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before + 100);
  await expectFitted(page, 'cohort-comparison');
});

test("a foreign frame's forged height messages change nothing", async ({ page }) => {
  await page.goto(`${HOST}/code-forged.html?chart=cohort-comparison`);
  await expectFitted(page, 'cohort-comparison');
  const iframe = page.locator('iframe[src*="/embed/cohort-comparison/"]');
  const settled = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  await expect(page.frameLocator('#forger').locator('html')).toBeAttached();
  await expect.poll(() => page.frame({ url: /forger/ })?.title()).toBe('sent');
  expect(await iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(settled);
  expect(settled).toBeGreaterThan(100);
});

test('the embed acts on no incoming message', async ({ page }) => {
  await page.goto(`${HOST}/code.html?chart=cohort-comparison`);
  const frame = await embedFrame(page, 'cohort-comparison');
  const before = await frame.content();
  const sent = [{ cohort: 'freelancers' }, '<img src=x onerror=alert(1)>', { 'datawrapper-height': 1 }, 'pymxPYMxcxPYMxnavigateToxPYMxjavascript:alert(1)'];
  // A listener added after the page's own counts what arrived: listeners run in the order they
  // were added, so once it has seen every message, any handler of the page's has run on them too.
  await frame.evaluate(() => {
    const w = window as unknown as { seen: number };
    w.seen = 0;
    addEventListener('message', () => w.seen++);
  });
  await page.evaluate((messages) => {
    const w = document.querySelector('iframe')!.contentWindow!;
    for (const m of messages) w.postMessage(m, '*');
  }, sent);
  await expect.poll(() => frame.evaluate(() => (window as unknown as { seen: number }).seen)).toBe(sent.length);
  expect(await frame.content()).toBe(before);
  expect(await frame.locator('html').getAttribute('data-cohort')).toBe('full-time');
  await expectDescribes(frame.locator('figure[data-chart]'), 'full-time');
});

test.describe('embed pages', () => {
  test('open in the state and theme the query asks for, and reject others', async ({ page }) => {
    await page.goto('/embed/cohort-comparison/?cohort=freelancers&theme=dark');
    await chartInCohort(page, 'cohort-comparison', 'freelancers');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(21, 23, 27)');
    await page.goto('/embed/cohort-comparison/?cohort=<b>x</b>&theme=<script>');
    await chartInCohort(page, 'cohort-comparison', 'full-time');
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
  });

  test('carry noindex, a canonical link to the story and oEmbed discovery; links leave the frame', async ({ page }) => {
    for (const chart of STORY_CHARTS) {
      await page.goto(`/embed/${chart}/`);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/#[a-z-]+$/);
      const oembed = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
      // Absolute URLs carry the public SITE_URL; fetch their paths from the server under test.
      const json = await (await page.request.get(new URL(oembed!).pathname)).json();
      expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Tools to Teammates, explored' });
      expect(json.html).toMatch(/^<iframe [^>]*src="[^"]+\/embed\/[a-z-]+\/"[^>]*><\/iframe>$/);
      expect(json.html).not.toContain('<script');
      for (const k of ['width', 'height', 'thumbnail_width', 'thumbnail_height']) expect(json[k]).toBeGreaterThan(0);
      const thumb = await page.request.get(new URL(json.thumbnail_url).pathname);
      expect(thumb.headers()['content-type']).toContain('image/png');
      for (const a of await page.locator('a').all()) await expect(a).toHaveAttribute('target', '_top');
    }
  });
});

test.describe('embed with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('is complete', async ({ page }) => {
    for (const chart of STORY_CHARTS) {
      await page.goto(`/embed/${chart}/`);
      await expect(page.locator('figure[data-chart] svg').first()).toBeVisible();
      await expect(page.locator('.credit')).toContainText('Tools to Teammates, explored');
    }
  });
});
