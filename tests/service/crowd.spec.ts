/**
 * "How readers guessed" against the real guess service: dist/ (built with GUESS_API=/api/, as
 * `npm test` builds it) and the API served by one process of src/server/main.ts, as `npm start`
 * runs them, on PGlite in a fresh folder, one service per test. Real readers in separate browser
 * contexts (no shared storage, no cookies); what one sends, the other sees counted. Then the service
 * stopped in the middle of the story: the reveal still works, with the quiet line, and nothing moves.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { shifts, watchShifts } from '../e2e/helpers';
import { startService, type Service } from './service';

const rows = Papa.parse<{ id: string; value: string }>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const published = (id: string) => Number(rows.find((r) => r.id === id)!.value);
const QUIET = "Readers' guesses are not available right now.";

let service: Service;
test.beforeEach(async () => {
  // The browser tests guess more than 30 times a minute from one address between them.
  service = await startService({ GUESS_RATE_LIMIT: '1000' });
});
test.afterEach(async () => service?.stop());

/** A reader: a context of their own, the story open at one widget, its island hydrated. */
async function reader(browser: Browser, id: string): Promise<{ page: Page; box: ReturnType<Page['locator']> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${service.origin}/`);
  const box = page.locator(`[data-guess="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('[data-island]')).toHaveAttribute('data-hydrated', 'true');
  return { page, box };
}

/** Moves the widget's slider to `value` by keyboard from its start (50). */
async function guess(page: Page, box: ReturnType<Page['locator']>, value: number) {
  await box.getByRole('slider').focus();
  const key = value > 50 ? 'ArrowRight' : 'ArrowLeft';
  for (let i = 0; i < Math.abs(value - 50); i++) await page.keyboard.press(key);
  await expect(box.getByRole('slider')).toHaveAttribute('aria-valuetext', `Your guess: ${value}%`);
}

async function summary(question: string) {
  const res = await fetch(`${service.origin}/api/guesses/${question}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { count: number; bins: { from: number; to: number; count: number }[] | null; median: number | null };
}

test('two readers: the second sees the first one’s guess counted, in its bin, beside the published figure', async ({ browser }) => {
  const id = 'trust-top';
  // 18 earlier guesses, all at 90: with the two readers' guesses the question reaches 20 and shows its spread.
  for (let i = 0; i < 18; i++) {
    const res = await fetch(`${service.origin}/api/guesses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: id, value: 90 }) });
    expect(res.status).toBe(201);
  }

  const first = await reader(browser, id);
  await guess(first.page, first.box, 12);
  await first.box.getByRole('button', { name: 'Reveal', exact: true }).click();
  const firstPanel = first.box.locator('[data-crowd]');
  // 19 guesses: the count, and no spread yet.
  await expect(firstPanel).toHaveAttribute('data-crowd', 'few');
  await expect(firstPanel.locator('[data-crowd-count]')).toHaveText('19');
  expect((await summary(id)).count).toBe(19);

  const second = await reader(browser, id);
  await guess(second.page, second.box, 44);
  await second.box.getByRole('button', { name: 'Reveal', exact: true }).click();
  const panel = second.box.locator('[data-crowd]');
  await expect(panel).toHaveAttribute('data-crowd', 'ready');
  await expect(panel.locator('[data-crowd-count]')).toHaveText('20');
  await expect(panel.getByRole('heading')).toHaveText('How 20 readers guessed');
  // The published figure first, and the gap named; the line that these are readers' guesses.
  await expect(panel.locator('.guess-crowd-pub-label')).toHaveText(`Published figure: ${published(id)}%`);
  await expect(panel).toContainText('not survey data');
  // The numbers table: the first reader's 12 in 10–15, the second's 44 in 40–45, the 18 at 90.
  await panel.locator('summary').click();
  const table = panel.getByRole('table');
  const count = (label: RegExp) => table.getByRole('row', { name: label }).getByRole('cell');
  await expect(count(/^10\D+15/)).toHaveText('1');
  await expect(count(/^40\D+45/)).toHaveText('1');
  await expect(count(/^90\D+95/)).toHaveText('18');
  // The page and the service agree.
  const after = await summary(id);
  expect(after.count).toBe(20);
  expect(after.bins![2]!.count).toBe(1);
  expect(after.bins![8]!.count).toBe(1);
  expect(after.bins![18]!.count).toBe(18);
  await first.page.context().close();
  await second.page.context().close();
});

test('Skip sends nothing and still shows how readers guessed', async ({ browser }) => {
  const id = 'politeness-all';
  const { page, box } = await reader(browser, id);
  // The service's first read of a fresh database, made before Skip: what is tested is that Skip
  // sends nothing, not how long a cold PGlite takes under a loaded machine against the page's 2 s.
  expect((await summary(id)).count).toBe(0);
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
  await box.getByRole('button', { name: 'Skip', exact: true }).click();
  await expect(box.locator('[data-crowd]')).toHaveAttribute('data-crowd', 'few');
  await expect(box.locator('[data-crowd-count]')).toHaveText('0');
  expect(posts).toEqual([]);
  expect((await summary(id)).count).toBe(0);
  await page.context().close();
});

test('the service stopped mid-story: the reveal works as before, with the quiet line, and nothing moves', async ({ browser }) => {
  const id = 'career-freelancers';
  const { page, box } = await reader(browser, id);
  await service.stop();
  await guess(page, box, 40);
  // From here, count only the shifts a reader did not cause (the reveal itself opens the panel).
  await watchShifts(page, false);
  await box.getByRole('button', { name: 'Reveal', exact: true }).click();
  const value = published(id);
  await expect(box.locator('.guess-result')).toHaveText(`You guessed 40%; the published figure is ${value}%: ${Math.abs(value - 40)} points ${40 < value ? 'lower' : 'higher'}.`);
  await expect(box.locator('[data-crowd]')).toHaveAttribute('data-crowd', 'unavailable');
  await expect(box.locator('.guess-crowd-say')).toHaveText(QUIET);
  expect(await shifts(page)).toEqual([]);
  await page.context().close();
});
