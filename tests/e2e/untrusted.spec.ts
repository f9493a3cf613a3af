/**
 * Untrusted input: URL parameters and hashes that a reader, a link or a host page controls. Each
 * hostile or malformed value is ignored — nothing runs, nothing of it is written into the page, no
 * console error — and the page falls back to its default state.
 */
import { expect, test, type Page } from '@playwright/test';
import { chartInCohort, toggleReady, watchErrors } from './helpers';

/** Marker that must never reach the DOM; each payload carries it. */
const MARK = 'xssmark';
const HOSTILE = [
  `<script>window.${MARK}=1</script>`,
  `"><img src=x onerror="window.${MARK}=1">`,
  `javascript:window.${MARK}=1`,
  `' onmouseover='window.${MARK}=1`,
  `${MARK}%00freelancers`,
  `FREELANCERS${MARK}`,
  `freelancers ${MARK}`,
  `__proto__${MARK}`,
  `constructor`,
  `%E0%A4%A${MARK}`,
  `${MARK}`.repeat(600),
  `ｆｒｅｅｌａｎｃｅｒｓ${MARK}`,
];
const q = (v: string) => encodeURIComponent(v);

/** Nothing from a payload ran or was written into the page. */
async function expectUntouched(page: Page) {
  expect(await page.evaluate((m) => (window as unknown as Record<string, unknown>)[m], MARK)).toBeUndefined();
  expect(await page.evaluate((m) => document.documentElement.outerHTML.toLowerCase().includes(m), MARK)).toBe(false);
  await expect(page.locator('img[src="x"], [onerror], [onmouseover]')).toHaveCount(0);
}

test.describe('?cohort=', () => {
  for (const value of HOSTILE) {
    test(`story: ${JSON.stringify(value.slice(0, 40))} falls back to full-time`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/?cohort=${q(value)}#trust`);
      await toggleReady(page);
      await expect(page.getByRole('radio', { name: 'Full-time employees' })).toBeChecked();
      // The hostile value is dropped from the address too, so it is not shared onwards.
      await expect.poll(() => new URL(page.url()).searchParams.get('cohort')).toBeNull();
      await expectUntouched(page);
      expect(errors).toEqual([]);
    });
  }
  test('a repeated parameter: the first valid reading wins or none', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/?cohort=${q(HOSTILE[1]!)}&cohort=freelancers`);
    await toggleReady(page);
    await expect(page.getByRole('radio', { name: 'Full-time employees' })).toBeChecked();
    await expectUntouched(page);
    expect(errors).toEqual([]);
  });
});

test.describe('embeds: ?theme= and ?childId=', () => {
  for (const value of HOSTILE.slice(0, 6)) {
    test(`theme ${JSON.stringify(value.slice(0, 40))} is ignored`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/embed/quit-twice/?theme=${q(value)}&cohort=${q(value)}`);
      await expect(page.locator('figure[data-chart][data-explore="ready"]')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBeNull();
      await chartInCohort(page, 'quit-twice', 'full-time');
      await expectUntouched(page);
      expect(errors).toEqual([]);
    });
  }

  test('a hostile childId is never echoed to the host page; a valid one is', async ({ page }) => {
    await page.goto('/data/');
    // The frame also carries a WordPress secret: its message is the last of each batch the embed
    // posts (embed-messages.ts), so once it has arrived, any pym message would have arrived too.
    const got = async (childId: string, secret: string) => {
      await page.evaluate((src) => {
        const w = window as unknown as { got: unknown[] };
        w.got = [];
        document.querySelector('iframe')?.remove();
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.title = 'test';
        addEventListener('message', (e) => {
          if (e.source === frame.contentWindow) w.got.push(e.data);
        });
        document.body.append(frame);
      }, `/embed/quit-twice/?childId=${q(childId)}#?secret=${secret}`);
      const messages = () => page.evaluate(() => (window as unknown as { got: unknown[] }).got);
      await expect
        .poll(async () => (await messages()).some((m) => (m as { secret?: string } | null)?.secret === secret))
        .toBe(true);
      return messages();
    };
    const valid = await got('chart-1', 'valid');
    expect(valid.some((m) => typeof m === 'string' && m.startsWith('pymxPYMxchart-1xPYMxheightxPYMx'))).toBe(true);
    for (const [i, value] of HOSTILE.slice(0, 5).entries()) {
      const messages = await got(value, `hostile${i}`);
      expect(messages.some((m) => (m as Record<string, unknown> | null)?.['datawrapper-height']), value).toBe(true);
      expect(JSON.stringify(messages).toLowerCase(), value).not.toContain(MARK);
      expect(messages.some((m) => typeof m === 'string' && m.startsWith('pym')), value).toBe(false);
    }
  });
});

test.describe('/present/ slide hash', () => {
  const BAD = ['#slide-0', '#slide--1', '#slide-1e1', '#slide-2abc', '#slide-', `#${q(HOSTILE[1]!)}`, `#${HOSTILE[0]}`];
  for (const hash of BAD) {
    test(`${JSON.stringify(hash.slice(0, 40))} opens the first slide`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/present/${hash}`);
      await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
      await expect(page.locator('[data-slide][data-current]')).toHaveAttribute('id', 'slide-1');
      await expectUntouched(page);
      expect(errors).toEqual([]);
    });
  }
  test('a slide number past the end opens the last slide', async ({ page }) => {
    await page.goto('/present/#slide-999');
    await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
    await expect(page.locator('[data-slide][data-current]')).toHaveAttribute('id', await page.locator('[data-slide]').last().getAttribute('id') ?? '');
  });
});
