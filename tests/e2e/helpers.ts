import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { drawnState } from '../drawn';
import { registryChart, type Cohort } from '../registry';

export { STORY_CHARTS } from './charts';

/** Waits until the cohort toggle has been wired up (its radios replace the static sentence). */
export async function toggleReady(page: Page) {
  await expect(page.getByRole('radiogroup', { name: 'Emphasise a group in every chart' })).toBeVisible();
}

/**
 * Waits until a chart can be used: lib/charts.ts has made it one Tab stop (`data-explore="ready"`)
 * and, for a chart with a control of its own, that island, scrolled to (it loads near the
 * viewport), has been wired up. A chart has nothing else to wait for: it is drawn on the server,
 * every cohort's emphasis picked by CSS.
 */
export async function chartReady(figure: Locator) {
  await expect(figure).toHaveAttribute('data-explore', 'ready');
  for (const island of await figure.locator('[data-island]').all()) {
    // The island's own box is display: contents: scroll to what it holds.
    await island.locator(':scope > *').first().scrollIntoViewIfNeeded();
    await expect(island).toHaveAttribute('data-hydrated', 'true');
  }
}

/** A description as the page's text reads it, its white space collapsed. */
export const asRead = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Waits until a chart shows the description its registry entry gives for `cohort`, and no other:
 * what the page's CSS picked, read as displayed (tests/drawn.ts).
 */
export async function expectDescribes(figure: Locator, cohort: Cohort) {
  const id = (await figure.getAttribute('data-chart'))!;
  await expect
    .poll(async () => (await figure.evaluate(drawnState)).description, { message: `${id} describes ${cohort}` })
    .toEqual([asRead(registryChart(id).pageDescriptions[cohort])]);
}

/**
 * Scrolls a chart into view and waits until the page is in `cohort` (the one attribute on <html>),
 * the chart is ready and it describes that cohort (expectDescribes).
 */
export async function chartInCohort(page: Page, id: string, cohort: Cohort) {
  const figure = page.locator(`figure[data-chart="${id}"]`);
  await figure.scrollIntoViewIfNeeded();
  await expect(page.locator('html')).toHaveAttribute('data-cohort', cohort);
  await chartReady(figure);
  await expectDescribes(figure, cohort);
}

/** Collects console errors and page errors, to assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return errors;
}

/** Opens /present/ at the slide that holds a chart, and returns that slide and its id. */
export async function openSlideOf(page: Page, chart: string) {
  await page.goto('/present/');
  await expect(page.locator('[data-presenter][data-ready]')).toBeAttached();
  const slide = page.locator(`[data-slide]:has(figure[data-chart="${chart}"])`);
  const id = (await slide.getAttribute('id'))!;
  await page.goto(`/present/#${id}`);
  await expect(page.locator('[data-slide][data-current]')).toHaveAttribute('id', id);
  return { slide, id };
}

/** The embed's frame on a host page, once its chart is ready (see chartReady). */
export async function embedFrame(page: Page, chart: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[src*="/embed/${chart}/"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await chartReady(frame.locator('figure[data-chart]'));
  return frame;
}

/** The iframe's height settles at its content's height, within 4 px, and nothing scrolls sideways. */
export async function expectFitted(page: Page, chart: string) {
  const frame = await embedFrame(page, chart);
  await frame.evaluate(() => document.fonts.ready);
  const iframe = page.locator(`iframe[src*="/embed/${chart}/"]`);
  await expect
    .poll(async () => {
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const box = await iframe.evaluate((el) => el.getBoundingClientRect().height);
      return Math.abs(content - box);
    })
    .toBeLessThanOrEqual(4);
  expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** Records violations from the first byte on, before any page script runs. */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/**
 * Scrolls through the page so every island near the viewport loads, then waits until all have been
 * wired up; returns how many there are (controls only: no chart is an island unless it has one).
 */
export async function hydrateAll(page: Page) {
  const islands = page.locator('[data-island]');
  const n = await islands.count();
  for (let i = 0; i < n; i++) {
    const inner = islands.nth(i).locator(':scope > *').first();
    if (await inner.count()) await inner.scrollIntoViewIfNeeded();
  }
  // The loader (lib/islands.ts) marks an island data-hydrated once its module has wired it up.
  await expect(page.locator('[data-island]:not([data-hydrated="true"])')).toHaveCount(0);
  return n;
}

/** What watchShifts leaves in the page: the shifts recorded, and a flush of those not yet delivered. */
type Shifts = { list: string[]; flush: () => void };

/**
 * Starts recording layout shifts from now: `all` counts every shift, also those right after input
 * (which the browser marks hadRecentInput); otherwise only those a reader did not cause.
 */
export async function watchShifts(page: Page, all: boolean): Promise<void> {
  await page.evaluate((all) => {
    const list: string[] = [];
    const record = (entries: PerformanceEntryList) => {
      for (const e of entries as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (!all && e.hadRecentInput) continue;
        list.push(`${e.value} ${(e.sources ?? []).map((s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 80)).join(' | ')}`);
      }
    };
    const observer = new PerformanceObserver((entries) => record(entries.getEntries()));
    observer.observe({ type: 'layout-shift' });
    (window as unknown as { __shifts: Shifts }).__shifts = { list, flush: () => record(observer.takeRecords()) };
  }, all);
}

/**
 * The shifts recorded since watchShifts, after two frames (so whatever a change caused has been laid
 * out), with the entries the observer's callback has not had yet taken at once (takeRecords):
 * nothing waits on a timer.
 */
export async function shifts(page: Page): Promise<string[]> {
  await frames(page);
  return page.evaluate(() => {
    const w = (window as unknown as { __shifts: Shifts }).__shifts;
    w.flush();
    return w.list;
  });
}

/** Two animation frames: what a change caused is laid out and painted by then. */
export const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
