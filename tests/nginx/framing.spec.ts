/**
 * Who may frame what, in Chromium, with the headers nginx sends: a page on another origin (another
 * port on 127.0.0.1, or localhost) cannot frame the story or reference pages, and can frame every
 * embed, which renders and resizes itself. The host pages are http: origins, so this is also the
 * test of the decision that embeds may be framed by http: pages (SECURITY.md).
 */
import type { Frame, Page } from '@playwright/test';
import type { Server } from 'node:http';
import { relative, sep } from 'node:path';
import { pagePath } from '../../src/lib/headers';
import { chartReady, expectFitted, STORY_CHARTS, watchErrors } from '../e2e/helpers';
import { startHost } from '../e2e/host-server';
import { filesUnder } from '../files';
import { BASE, DIST, expect, test } from './server';

/** Every page that only this site may frame (pagePath gives "/data/", "/404.html"). */
const STORY_PAGES = filesUnder(DIST)
  .filter((f) => f.endsWith('.html'))
  .map((f) => pagePath(relative(DIST, f).split(sep).join('/')))
  .filter((p) => !p.startsWith('/embed/'))
  .sort();

let server: Server;
let HOST: string;
test.beforeAll(async ({ nginx }) => {
  ({ server, origin: HOST } = await startHost(nginx.origin));
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Opens the host's page framing one of ours, and resolves once the iframe has fired load. */
async function frameFrom(page: Page, host: string, path: string): Promise<Frame> {
  await page.goto(`${host}/frame.html?path=${encodeURIComponent(BASE + path.slice(1))}`);
  await expect(page.locator('body')).toHaveAttribute('data-framed', 'loaded');
  const frame = await (await page.locator('#framed').elementHandle())!.contentFrame();
  if (!frame) throw new Error('no frame');
  return frame;
}

/**
 * The frames Chromium blocked for frame-ancestors, as it reports them to DevTools (an Audits issue
 * with the directive and the blocked URL: structured, unlike the console text, whose wording
 * changes between versions).
 */
async function frameAncestorBlocks(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => {
    const csp = issue.details.contentSecurityPolicyIssueDetails;
    if (issue.code === 'ContentSecurityPolicyIssue' && csp?.violatedDirective === 'frame-ancestors') blocked.push(csp.blockedURL ?? '');
  });
  await cdp.send('Audits.enable');
  return blocked;
}

/** Whether a frame holds one of our pages: its document has our CSP <meta> and our skip link or chart. */
const isOurPage = (frame: Frame) =>
  frame.evaluate(() => !!document.querySelector('meta[http-equiv="content-security-policy"]') && !!document.querySelector('main, figure[data-chart]'));

test('the list of story and reference pages', () => {
  expect(STORY_PAGES).toEqual(expect.arrayContaining(['/', '/data/', '/charts/', '/teach/', '/check/', '/present/', '/404.html']));
});

for (const path of STORY_PAGES) {
  test(`${path}: another origin cannot frame it; Chromium reports the block`, async ({ page, nginx }) => {
    const blocked = await frameAncestorBlocks(page);
    const frame = await frameFrom(page, HOST, path);
    expect(await isOurPage(frame)).toBe(false);
    expect(frame.url()).not.toContain(nginx.origin);
    // Chromium names the blocked frame by its origin only (the path is not shared with the host).
    await expect.poll(() => blocked).toEqual([`${nginx.origin}/`]);
  });
}

test('localhost is another origin than 127.0.0.1 too: the story cannot be framed from it', async ({ page, nginx }) => {
  const blocked = await frameAncestorBlocks(page);
  const frame = await frameFrom(page, HOST.replace('127.0.0.1', 'localhost'), '/');
  expect(await isOurPage(frame)).toBe(false);
  await expect.poll(() => blocked).toEqual([`${nginx.origin}/`]);
});

test('this site may frame its own story pages (the check above sees a framed page when there is one)', async ({ page, nginx }) => {
  const blocked = await frameAncestorBlocks(page);
  await page.goto(nginx.site('/404.html'));
  for (const path of ['/', '/data/', '/charts/', '/teach/']) {
    await page.evaluate((src) => {
      document.querySelectorAll('iframe').forEach((f) => f.remove());
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, nginx.site(path));
    const frame = await (await page.waitForSelector(`iframe[src="${nginx.site(path)}"]`)).contentFrame();
    await frame!.waitForSelector('main');
    expect(await isOurPage(frame!), path).toBe(true);
  }
  expect(blocked).toEqual([]);
});

test.describe('embeds on an http: page of another origin', () => {
  for (const chart of STORY_CHARTS) {
    test(`${chart}: framed with the copied embed code, it renders and fits its content`, async ({ page }) => {
      const errors = watchErrors(page);
      const blocked = await frameAncestorBlocks(page);
      await page.goto(`${HOST}/code.html?chart=${chart}`);
      await expectFitted(page, chart);
      const frame = page.frame({ url: new RegExp(`/embed/${chart}/`) })!;
      expect(await isOurPage(frame)).toBe(true);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('the frame grows when the reader opens "Show the numbers"', async ({ page }) => {
    await page.setViewportSize({ width: 600, height: 900 });
    await page.goto(`${HOST}/code.html?chart=cohort-comparison`);
    await expectFitted(page, 'cohort-comparison');
    const iframe = page.locator('iframe[src*="/embed/cohort-comparison/"]');
    const before = await iframe.evaluate((el) => el.getBoundingClientRect().height);
    await page.frameLocator('iframe[src*="/embed/cohort-comparison/"]').getByText('Show the numbers').click();
    await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(before + 100);
    await expectFitted(page, 'cohort-comparison');
  });

  test('framed from localhost as well, in a plain iframe', async ({ page }) => {
    const blocked = await frameAncestorBlocks(page);
    const frame = await frameFrom(page, HOST.replace('127.0.0.1', 'localhost'), `/embed/${STORY_CHARTS[0]}/`);
    await chartReady(frame.locator('figure[data-chart]'));
    expect(await isOurPage(frame)).toBe(true);
    expect(blocked).toEqual([]);
  });
});
