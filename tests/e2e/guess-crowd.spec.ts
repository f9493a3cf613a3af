/**
 * "How readers guessed" in the browser, against the build with GUESS_API=/api/ served by
 * `astro preview`, where nothing answers under /api/ (404): the reveal works as before and one quiet
 * line says the readers' guesses are not available. Answers of the guess service (README, the API),
 * slow ones and failing ones are played by routes here; the real service has its own project.
 * Nothing below the widget moves once the reveal has opened the panel, whatever the answer.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { frames, shifts, watchShifts } from './helpers';

const rows = Papa.parse<{ id: string; value: string }>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const published = (id: string) => Number(rows.find((r) => r.id === id)!.value);
const QUIET = "Readers' guesses are not available right now.";

/** An answer of GET /api/guesses/{question}: 57 guesses, most of them near 60%, median 60. */
const BINS = [0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 6, 4, 2, 1, 1, 1, 0];
const summary = (question: string) => ({
  question,
  count: 57,
  bins: BINS.map((count, i) => ({ from: i * 5, to: i * 5 + 5, count })),
  median: 60,
  published: { value: published(question), figure: question },
});

/** Scrolls a widget into view and waits until its island has hydrated. */
async function ready(page: Page, id: string) {
  const box = page.locator(`[data-guess="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('[data-island]')).toHaveAttribute('data-hydrated', 'true');
  return box;
}

/** The requests under /api/, as "METHOD path body". */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r: Request) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) calls.push(`${r.method()} ${url.pathname}${r.postData() ? ` ${r.postData()}` : ''}`);
  });
  return calls;
}

test.describe('how readers guessed, with no service answering', () => {
  test('Reveal works as before; the guess is sent, and one quiet line says they are not available; nothing moves', async ({ page }) => {
    const calls = apiCalls(page);
    await page.goto('/');
    const box = await ready(page, 'burnout-share');
    await box.getByRole('slider').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await watchShifts(page, false);
    await box.getByRole('button', { name: 'Reveal', exact: true }).click();
    const value = published('burnout-share');
    // The reveal, exactly as without the service.
    await expect(box.locator('.guess-result')).toHaveText(`You guessed 53%; the published figure is ${value}%: ${value - 53} points lower.`);
    await expect(box.locator('.guess-result')).toBeFocused();
    await expect(box.locator('.guess-pub')).toHaveText(`Published: ${value}%`);
    // The panel: the axis with both marks, and the quiet line.
    const panel = box.locator('[data-crowd]');
    await expect(panel).toHaveAttribute('data-crowd', 'unavailable');
    await expect(panel.locator('.guess-crowd-say')).toHaveText(QUIET);
    await expect(box.getByText(QUIET)).toHaveCount(1);
    await expect(panel.locator('.guess-crowd-pub')).toHaveAttribute('x1', `${value}%`);
    await expect(panel.locator('.guess-crowd-pub-label')).toHaveText(`Published figure: ${value}%`);
    await expect(panel.locator('.guess-crowd-you')).toHaveAttribute('x1', '53%');
    await expect(panel.locator('.guess-crowd-bin')).toHaveCount(0);
    await expect(panel.locator('.guess-crowd-numbers')).toBeHidden();
    await expect(panel.getByText('not survey data')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'What is kept' })).toHaveAttribute('href', '/data/#reader-guesses');
    // The guess was refused (404), so the summary is not asked for.
    expect(calls).toEqual([`POST /api/guesses {"question":"burnout-share","value":53}`]);
    expect(await shifts(page)).toEqual([]);
  });

  test('Skip sends no guess, asks for the summary, and shows the quiet line', async ({ page }) => {
    const calls = apiCalls(page);
    await page.goto('/');
    const box = await ready(page, 'politeness-all');
    await box.getByRole('button', { name: 'Skip' }).click();
    await expect(box.locator('.guess-result')).toHaveText(`The published figure is ${published('politeness-all')}%.`);
    await expect(box.locator('[data-crowd]')).toHaveAttribute('data-crowd', 'unavailable');
    await expect(box.locator('.guess-crowd-you')).toHaveCount(0);
    expect(calls).toEqual(['GET /api/guesses/politeness-all']);
  });

  test('Reveal all answers asks the service nothing', async ({ page }) => {
    const calls = apiCalls(page);
    await page.goto('/');
    const box = await ready(page, 'burnout-share');
    await box.getByRole('button', { name: 'Reveal all answers' }).click();
    await expect(box.locator('.guess-result')).toBeFocused();
    await frames(page);
    await expect(page.locator('.guess-crowd-slot')).toHaveCount(0);
    expect(calls).toEqual([]);
  });
});

/** The bottom edge of what follows the widget: it must not move once the panel has opened. */
const below = (page: Page, id: string) =>
  page.locator(`[data-guess="${id}"]`).evaluate((el) => {
    const next = el.nextElementSibling ?? el.parentElement!.nextElementSibling!;
    return [el.getBoundingClientRect().height, next.getBoundingClientRect().top + window.scrollY];
  });

for (const width of [1280, 320]) {
  test.describe(`how readers guessed at ${width} px: nothing moves after the panel opens`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('a slow 404, an answer, too few guesses, and no answer within 2 s', async ({ page }) => {
      test.setTimeout(60_000);
      // Each question's requests wait at a gate until the test has seen its panel open and measured
      // the page: whatever the answer then does, every shift after the panel opened is counted.
      const gates = new Map<string, { open: () => void; opened: Promise<void> }>();
      const gate = (id: string) => {
        if (!gates.has(id)) {
          let open!: () => void;
          const opened = new Promise<void>((ok) => (open = ok));
          gates.set(id, { open, opened });
        }
        return gates.get(id)!;
      };
      const answers: Record<string, (route: import('@playwright/test').Route) => Promise<void>> = {
        // The preview's own 404.
        'burnout-share': (route) => route.continue(),
        'trust-top': (route) =>
          route.fulfill(route.request().method() === 'POST' ? { status: 201, json: { question: 'trust-top', value: 50 } } : { json: summary('trust-top') }),
        'politeness-all': (route) =>
          route.fulfill(
            route.request().method() === 'POST'
              ? { status: 201, json: { question: 'politeness-all', value: 50 } }
              : { json: { question: 'politeness-all', count: 3, bins: null, median: null, published: null } },
          ),
        // Never answers in time: its gate opens only once the page has given up (its own 2 s limit).
        'career-freelancers': (route) => route.abort().catch(() => {}),
      };
      await page.route('**/api/**', async (route) => {
        const body = route.request().postDataJSON() as { question?: string } | null;
        const id = body?.question ?? new URL(route.request().url()).pathname.split('/').at(-1)!;
        await gate(id).opened;
        await answers[id]!(route);
      });
      await page.goto('/');
      const ends = { 'burnout-share': 'unavailable', 'trust-top': 'ready', 'politeness-all': 'few', 'career-freelancers': 'unavailable' } as const;
      for (const [id, end] of Object.entries(ends)) {
        const box = await ready(page, id);
        await box.getByRole('button', { name: 'Reveal', exact: true }).click();
        const panel = box.locator('[data-crowd]');
        await expect(panel).toHaveAttribute('data-crowd', 'loading');
        await frames(page);
        const before = await below(page, id);
        await watchShifts(page, true);
        if (id !== 'career-freelancers') gate(id).open();
        await expect(panel).toHaveAttribute('data-crowd', end, { timeout: 5000 });
        gate(id).open();
        expect(await shifts(page), id).toEqual([]);
        expect(await below(page, id), id).toEqual(before);
        if (width === 320) expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), id).toBeLessThanOrEqual(0);
      }
      const trust = page.locator('[data-guess="trust-top"] [data-crowd]');
      await expect(trust.locator('.guess-crowd-h')).toHaveText('How 57 readers guessed');
      await expect(trust.locator('[data-crowd-count]')).toHaveText('57');
      await expect(trust.locator('.guess-crowd-say')).toHaveText(
        `Half of readers guessed 60% or less; the published figure is ${published('trust-top')}%: the crowd's middle guess is ${Math.abs(published('trust-top') - 60)} points ${published('trust-top') > 60 ? 'lower' : 'higher'}.`,
      );
      await expect(trust.locator('.guess-crowd-bin')).toHaveCount(BINS.filter((c) => c > 0).length);
      await expect(page.locator('[data-guess="politeness-all"] .guess-crowd-say')).toHaveText('Too few readers have guessed yet to show their spread (3 so far).');
      await expect(page.locator('[data-guess="career-freelancers"] .guess-crowd-say')).toHaveText(QUIET);
      if (width === 1280) await page.locator('[data-guess="trust-top"]').screenshot({ path: 'test-results/guess-crowd-ready.png' });
    });
  });
}

test.describe('how readers guessed in forced colours', () => {
  test.use({ forcedColors: 'active' });
  test('the published figure in CanvasText, the guess in Highlight, the crowd in GrayText', async ({ page }) => {
    await page.route('**/api/**', (route) =>
      route.fulfill(route.request().method() === 'POST' ? { status: 201, json: { question: 'trust-top', value: 50 } } : { json: summary('trust-top') }),
    );
    await page.goto('/');
    const box = await ready(page, 'trust-top');
    await box.getByRole('button', { name: 'Reveal', exact: true }).click();
    await expect(box.locator('[data-crowd]')).toHaveAttribute('data-crowd', 'ready');
    const colours = await box.evaluate((el) => {
      const probe = (name: string) => {
        const p = el.appendChild(document.createElement('span'));
        p.style.color = name;
        const c = getComputedStyle(p).color;
        p.remove();
        return c;
      };
      const get = (sel: string, prop: 'stroke' | 'fill') => getComputedStyle(el.querySelector(sel)!)[prop];
      return {
        pub: [get('.guess-crowd-pub', 'stroke'), probe('CanvasText')],
        you: [get('.guess-crowd-you', 'stroke'), probe('Highlight')],
        bin: [get('.guess-crowd-bin', 'fill'), probe('GrayText')],
      };
    });
    for (const [mark, [got, want]] of Object.entries(colours)) expect(got, mark).toBe(want);
  });
});
