/**
 * Every chart explored by keyboard and by ear, on its embed page and in the story: Tab reaches the
 * chart's body; before that, nothing of the explorer is fetched; the arrow keys announce, in the
 * polite live region, each row of the numbers table in order and every value of the chart's CSV
 * ("Not reported" where it is empty); Listen starts Web Audio tones (OscillatorNode.start is spied
 * on) and stops them; Tab leaves (no keyboard trap); the explorer follows the cohort toggle.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { STORY_CHARTS, chartInCohort, chartReady, openSlideOf, toggleReady, watchErrors } from './helpers';

/** The explorer's chunk (lib/explore/, fetched on demand; the bench names it "explore" too). */
const EXPLORER = /\/_astro\/explore\.[^/]*\.js$/;

/**
 * Counts OscillatorNode.start() calls in window.__tones, from before the page's own scripts run, and
 * records every text the explorers' live regions take in window.__said (so no message is missed).
 */
async function spyOnTones(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __tones: number; __said: string[] };
    w.__tones = 0;
    w.__said = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const region = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[data-explore-live]');
        if (region) w.__said.push(region.textContent!.trim());
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      w.__tones++;
      return start.apply(this, args);
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number }).__tones);
const history = (page: Page) => page.evaluate(() => (window as unknown as { __said: string[] }).__said.join('\n'));

/** The chart's numbers table as [group, value or null] rows, in order. */
async function tableRows(figure: Locator): Promise<[string, string | null][]> {
  return figure.locator('.numbers tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const value = r.children[2]!.textContent!.trim();
      return [r.children[0]!.textContent!.trim(), value === 'Not reported' || value === 'In words only' ? null : value] as [string, string | null];
    }),
  );
}

/** The chart's CSV values, in order, '' where the study published none. */
async function csvValues(page: Page, id: string): Promise<string[]> {
  const csv = await (await page.request.get(`/data/charts/${id}.csv`)).text();
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.map((r) => r.value ?? '');
}

/** Presses a key on the focused chart and returns what its live region says next. */
async function say(page: Page, live: Locator, key: string): Promise<string> {
  const before = (await live.textContent()) ?? '';
  await page.keyboard.press(key);
  await expect(live).not.toHaveText(before);
  return (await live.textContent())!.trim();
}

/** Steps through every value with Right and checks the words against the table and the CSV. */
async function walk(page: Page, id: string, figure: Locator) {
  const live = figure.locator('[data-explore-live]');
  const rows = await tableRows(figure);
  const said: string[] = [];
  for (let i = 0; i < rows.length; i++) said.push(await say(page, live, 'ArrowRight'));
  rows.forEach(([group, value], i) => {
    expect(said[i], `step ${i + 1}`).toContain(group);
    // A value the study did not publish: Not reported, or how the chart stands in for it.
    if (value === null) expect(said[i], `step ${i + 1}`).toMatch(/Not reported|not published|illustrative|in words/);
    else expect(said[i], `step ${i + 1}`).toContain(value);
    expect(said[i], `step ${i + 1}`).toContain(`${i + 1} of ${rows.length}.`);
  });
  // Every CSV value is said, in the CSV's order; an empty one as Not reported.
  const plain = said.map((s) => s.replace(/(\d),(\d{3})/g, '$1$2'));
  let from = 0;
  for (const value of await csvValues(page, id)) {
    const re = value === '' ? /Not reported|not published|in words/ : new RegExp(`(^|[^\\d.])${value.replace('.', '\\.')}([^\\d]|$)`);
    const at = plain.findIndex((s, i) => i >= from && re.test(s));
    expect(at, `CSV value "${value}" said in order`).toBeGreaterThanOrEqual(0);
    from = at;
  }
  // At the end, Right stays and says so; Home goes back to the first value.
  expect(await say(page, live, 'ArrowRight')).toContain('Last value.');
  expect(await say(page, live, 'Home')).toContain(`1 of ${rows.length}.`);
  return said;
}

/** Puts focus on the chart's title (not a Tab stop itself), so the next Tab is the chart's. */
async function fromTitle(figure: Locator) {
  await figure.locator('.chart-title').evaluate((h: HTMLElement) => {
    h.tabIndex = -1;
    h.focus();
  });
}

async function tabToChart(page: Page, body: Locator) {
  for (let i = 0; i < 12 && !(await body.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(body).toBeFocused();
}

for (const id of STORY_CHARTS) {
  test(`embed ${id}: one Tab stop; the arrow keys say every value; Listen plays tones; Tab leaves`, async ({ page }) => {
    const errors = watchErrors(page);
    await spyOnTones(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`/embed/${id}/`);
    const figure = page.locator(`figure[data-chart="${id}"]`);
    await chartReady(figure);
    expect(fetched.filter((p) => EXPLORER.test(p)), 'no explorer before a reader asks').toEqual([]);

    const body = figure.locator('[data-explore-target]');
    await tabToChart(page, body);
    await expect(body).toHaveAttribute('role', 'application');
    await expect(figure.locator('.chart-keys')).toBeVisible();
    await walk(page, id, figure);
    expect(fetched.filter((p) => EXPLORER.test(p))).toHaveLength(1);
    expect(await tones(page), 'no sound without Listen').toBe(0);

    // Tab leaves the chart (no trap), and Shift+Tab comes back to it.
    const focusable = await body.evaluate((b) => [...b.querySelectorAll('a, button, input, [tabindex]')].length);
    for (let i = 0; i <= focusable; i++) await page.keyboard.press('Tab');
    expect(await body.evaluate((b) => b.contains(document.activeElement))).toBe(false);

    // Listen plays every value, says so, and says when it is done; pressed again, it stops at once.
    // (The button's name is what it will do: Listen, then Stop while playing.)
    const listen = figure.locator('[data-listen]');
    await expect(listen).toHaveAccessibleName('Listen');
    await listen.click();
    await expect.poll(() => tones(page)).toBeGreaterThan(0);
    // Each value takes about a third of a second: give the longest chart (14 values) the time to finish.
    await expect.poll(() => history(page), { timeout: 20_000 }).toMatch(/Playing \d+ values[\s\S]*\nDone\.$/);
    await expect(listen).toHaveText('Listen');
    await listen.click();
    await expect(listen).toHaveAccessibleName('Stop');
    await listen.click();
    await expect.poll(() => history(page)).toMatch(/\nStopped\.$/);
    await expect(listen).toHaveText('Listen');
    expect(errors).toEqual([]);
  });
}

test('in the story, each chart is reached by Tab and explored; nothing is fetched for it before', async ({ page }) => {
  await spyOnTones(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await toggleReady(page);
  for (const id of STORY_CHARTS) {
    const figure = page.locator(`figure[data-chart="${id}"]`);
    await figure.scrollIntoViewIfNeeded();
    await chartReady(figure);
    if (id === STORY_CHARTS[0]) expect(fetched.filter((p) => EXPLORER.test(p))).toEqual([]);
    // From the title, the next Tab stop is the chart.
    await fromTitle(figure);
    await page.keyboard.press('Tab');
    await expect(figure.locator('[data-explore-target]')).toBeFocused();
    const live = figure.locator('[data-explore-live]');
    const [first] = await tableRows(figure);
    const said = await say(page, live, 'ArrowRight');
    expect(said).toContain(first![0]);
    expect(said).toContain(first![1] ?? 'Not reported');
    expect(await say(page, live, 'End')).toMatch(/(\d+) of \1\./);
  }
  // L plays from the keyboard too.
  await page.keyboard.press('l');
  await expect.poll(() => tones(page)).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
});

test('the explorer follows the cohort toggle: it names the group the reader chose', async ({ page }) => {
  await page.goto('/?cohort=freelancers');
  await toggleReady(page);
  const figure = page.locator('figure[data-chart="cohort-comparison"]');
  await chartInCohort(page, 'cohort-comparison', 'freelancers');
  await fromTitle(figure);
  await page.keyboard.press('Tab');
  const live = figure.locator('[data-explore-live]');
  const said: string[] = [];
  for (let i = 0; i < 4; i++) said.push(await say(page, live, 'ArrowRight'));
  expect(said.filter((s) => s.startsWith('Freelancers (the group you chose)')).length).toBeGreaterThan(0);
  expect(said.filter((s) => s.includes('(the group you chose)') && !s.startsWith('Freelancers'))).toEqual([]);
  await page.getByRole('radio', { name: 'Full-time employees' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-cohort', 'full-time');
  await figure.locator('[data-explore-target]').focus();
  const now = await say(page, live, 'Home');
  expect(now).toContain('(the group you chose)');
  expect(now).not.toMatch(/^Freelancers/);
});

test('? lists the keys; axe finds nothing on an explored chart, in both themes and cohorts', async ({ page }) => {
  for (const [theme, cohort] of [
    ['light', 'full-time'],
    ['dark', 'freelancers'],
  ] as const) {
    await page.goto(`/embed/cohort-comparison/?theme=${theme}&cohort=${cohort}`);
    const figure = page.locator('figure[data-chart="cohort-comparison"]');
    await chartReady(figure);
    await tabToChart(page, figure.locator('[data-explore-target]'));
    const live = figure.locator('[data-explore-live]');
    await say(page, live, 'ArrowRight');
    await expect(figure.locator('.explore-ring')).toHaveCount(1);
    expect(await say(page, live, '?')).toContain('Left and Right arrows');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test('no text in any chart is smaller than 12 px (Chartability: small text size)', async ({ page }) => {
  for (const id of STORY_CHARTS) {
    await page.goto(`/embed/${id}/`);
    const figure = page.locator(`figure[data-chart="${id}"]`);
    await chartReady(figure);
    const small = await figure.evaluate((root) =>
      [...root.querySelectorAll('*')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
        .filter((el) => !el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)'))
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => [el.tagName.toLowerCase(), el.className.toString(), parseFloat(getComputedStyle(el).fontSize), el.textContent!.trim().slice(0, 30)])
        .filter(([, , size]) => (size as number) < 12),
    );
    expect(small, id).toEqual([]);
  }
});

test('on its slide, a chart is explored with the arrow keys without moving the deck', async ({ page }) => {
  const { slide, id } = await openSlideOf(page, 'cohort-comparison');
  const figure = slide.locator('figure[data-chart="cohort-comparison"]');
  await chartReady(figure);
  // The islands that start once the page has painted (the cohort toggle) are wired up first, so
  // nothing changes the page between the title taking focus and the Tab.
  await expect(page.locator('[data-island][data-when="ready"]:not([data-hydrated])')).toHaveCount(0);
  await fromTitle(figure);
  await expect(figure.locator('.chart-title')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(figure.locator('[data-explore-target]')).toBeFocused();
  await expect(figure.getByRole('button', { name: 'Listen' })).toBeVisible();
  const live = figure.locator('[data-explore-live]');
  expect(await say(page, live, 'ArrowRight')).toContain('1 of ');
  expect(await say(page, live, 'ArrowRight')).toContain('2 of ');
  await expect(page.locator('[data-slide][data-current]')).toHaveAttribute('id', id);
});

/**
 * A reader who mixes keys and the mouse: the arrow keys, then a click on Listen while the chart still
 * has focus. Leaving the chart must not move the page under the pointer (were the keys to hide on
 * focus loss, an embed scrolled to its end would shorten, the click land beside the button, and
 * nothing play). Then a click and the keys, Listen again while playing, and Escape.
 */
test('keys then a click on Listen plays; Listen again stops at once; a click then keys; Escape stops', async ({ page }) => {
  await spyOnTones(page);
  await page.goto('/embed/quit-twice/');
  const figure = page.locator('figure[data-chart="quit-twice"]');
  await expect(figure).toHaveAttribute('data-explore', 'ready');
  const body = figure.locator('[data-explore-target]');
  const live = figure.locator('[data-explore-live]');
  const listen = figure.locator('[data-listen]');
  await tabToChart(page, body);
  await say(page, live, 'ArrowRight');
  await say(page, live, 'ArrowRight');
  // The chart keeps focus while the reader scrolls to the end of the page (as a framed embed, or a
  // reader at the chart's foot, is), then clicks Listen.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(body).toBeFocused();
  await listen.click();
  await expect.poll(() => tones(page), { message: 'a click on Listen after the keys plays' }).toBeGreaterThan(0);
  await expect(listen).toHaveText('Stop');
  await listen.click();
  await expect(listen).toHaveText('Listen');
  await expect.poll(() => history(page)).toMatch(/\nStopped\.$/);

  // A click, then the keys: an arrow key stops the tones and moves on.
  await listen.click();
  await expect(listen).toHaveText('Stop');
  await body.focus();
  expect(await say(page, live, 'ArrowLeft')).toMatch(/\d+ of \d+\./);
  await expect(listen).toHaveText('Listen');

  // L from the chart, then Escape stops at once.
  const before = await tones(page);
  await page.keyboard.press('l');
  await expect(listen).toHaveText('Stop');
  await expect.poll(() => tones(page)).toBeGreaterThan(before);
  await page.keyboard.press('Escape');
  await expect(listen).toHaveText('Listen');
  await expect.poll(() => history(page)).toMatch(/\nStopped\.$/);
});
