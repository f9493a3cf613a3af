/**
 * /check/, Check a sentence, in Chromium: typing shows one card per claim and a live count (only the
 * count), Check works without a reload, a sentence without a number says it matches nothing, the
 * copy button copies the suggestion, no request leaves the page while checking, no CSP violation;
 * axe in light and dark; nothing scrolls sideways at 320 px; without JavaScript, the example's cards
 * and the way to check one's own text. And the page and the checker agree: every sentence of
 * tests/check/sentences.ts, typed into the page, gives the cards checkText gives in Node.
 * Every wait is on a state: the results say which text they show (data-checked).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { checkText } from '../../src/check/check';
import { checkerData } from '../../src/check/data';
import { EXAMPLE_TEXT, resultHtml, resultSummary } from '../../src/check/render';
import type { CheckResult, Claim } from '../../src/check/types';
import { loadData } from '../../src/data/load';
import { SENTENCES } from '../check/sentences';
import { watchErrors, watchViolations } from './helpers';

const DATA = checkerData(loadData());
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SENTENCE = 'Top AI performers are 88% more likely to report burnout, and twice as likely to quit.';

const results = (page: Page) => page.locator('[data-check-results]');
const cards = (page: Page) => page.locator('[data-check-list] > article');
const status = (page: Page) => page.locator('[data-check-status]');

/** Opens /check/ and waits until its script has wired the form. */
async function open(page: Page) {
  await page.goto('/check/');
  await expect(page.locator('form[data-check-form][data-check-ready]')).toBeAttached();
}

/**
 * Types `text` into the box key by key, or pastes it ('fill'; both wait for the 300 ms after the
 * last change), or pastes it and presses Check ('submit', at once), and waits until the results
 * show it.
 */
async function check(page: Page, text: string, how: 'type' | 'fill' | 'submit' = 'fill') {
  const box = page.getByLabel('Paste a sentence or a paragraph about the study');
  if (how === 'type') await box.pressSequentially(text);
  else await box.fill(text);
  if (how === 'submit') await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(results(page)).toHaveAttribute('data-checked', text);
}

/** What a card says it is, as its <article> carries it. */
const cardStates = (page: Page) =>
  cards(page).evaluateAll((els) =>
    els.map((e) => ({ figure: e.getAttribute('data-figure'), figureId: e.getAttribute('data-figure-id'), departures: e.getAttribute('data-departures') })),
  );
const expectedStates = (claims: Claim[]) => claims.map((c) => ({ figure: c.figure, figureId: c.figureId ?? '', departures: c.departures.join(' ') }));

/**
 * A made-up reading of a text, for the parts of a card the checker does not give yet (it places no
 * number until it is finished): a claim placed on a figure of the report with departures and a
 * suggestion, one on another study's figure, one unplaced, and a sentence without a number.
 */
function madeUp(): { text: string; result: CheckResult; suggestion: string } {
  const report = DATA.figures.find((f) => f.inReport && f.trail !== null)!;
  const other = DATA.figures.find((f) => f.otherStudy !== null)!;
  const s1 = `Among high-performing AI users, ${report.value}% report burnout due to workload.`;
  const s2 = ` Frequent users: ${other.value}% <b>burned out</b>, and 1 in 3 quit.`;
  const s3 = ' Nothing to count here.';
  const read = { group: 'high-performing AI users', cohort: report.cohort, question: 'report burnout', reading: null, unit: 'percent' as const, cause: 'due to' };
  const none = { group: null, cohort: null, question: null, reading: null, unit: null, cause: null };
  const at = (s: string, start: number, n: string) => ({ start: start + s.indexOf(n), end: start + s.indexOf(n) + n.length, text: n });
  const suggestion = `${report.statement} (${DATA.citation})`;
  const claims: Claim[] = [
    { figure: report.trail!, figureId: report.id, value: report.value, ...at(s1, 0, `${report.value}%`), hedge: null, departures: ['relative-as-share', 'cause-added'], read, suggestion },
    { figure: 'not-in-report', figureId: other.id, value: other.value, ...at(s2, s1.length, `${other.value}%`), hedge: null, departures: ['other-study'], read: none, suggestion: null },
    { figure: 'not-in-report', figureId: null, value: 33, ...at(s2, s1.length, '1 in 3'), hedge: null, departures: [], read: none, suggestion: null },
  ];
  const sentences = [
    { text: s1, start: 0, claims: claims.slice(0, 1) },
    { text: s2, start: s1.length, claims: claims.slice(1) },
    { text: s3, start: s1.length + s2.length, claims: [] },
  ];
  return { text: s1 + s2 + s3, result: { sentences, claims }, suggestion };
}

/**
 * Serves /check/ with its example's cards replaced by the cards of `result`, rendered in Node by
 * the page's own render module: the page's script wires them as it does the example (copy buttons).
 * The example in the built page must be exactly what render.ts makes of EXAMPLE_TEXT.
 */
async function serveWithCards(page: Page, result: CheckResult) {
  const example = resultHtml(checkText(EXAMPLE_TEXT, DATA), DATA, '/');
  await page.route('**/check/', async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    if (!html.includes(example)) throw new Error('dist/check/index.html does not hold the build-time example as render.ts makes it');
    await route.fulfill({ response, body: html.replace(example, resultHtml(result, DATA, '/')) });
  });
}

test.describe('/check/', () => {
  test('typing a sentence shows one card per claim, and the live region says only how many', async ({ page }) => {
    const errors = watchErrors(page);
    const violations = await watchViolations(page);
    await open(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check a sentence');
    // Before any text: the example, labelled as one, and an empty status.
    await expect(page.locator('[data-check-example]')).toBeVisible();
    await expect(page.locator('[data-check-example]')).toContainText('An example.');
    await expect(status(page)).toHaveText('');
    await expect(status(page)).toHaveAttribute('aria-live', 'polite');

    await check(page, SENTENCE, 'type');
    const expected = checkText(SENTENCE, DATA);
    expect(expected.claims.length).toBeGreaterThan(0);
    await expect(cards(page)).toHaveCount(expected.claims.length);
    expect(await cardStates(page)).toEqual(expectedStates(expected.claims));
    await expect(status(page)).toHaveText(resultSummary(expected));
    await expect(page.locator('[data-check-example]')).toBeHidden();
    // Each card: an article named by its heading, the number as written, marked in its sentence.
    for (const [i, claim] of expected.claims.entries()) {
      const card = cards(page).nth(i);
      await expect(card.getByRole('heading', { level: 3 })).toContainText(`“${claim.text}”`);
      await expect(page.getByRole('article', { name: (await card.getByRole('heading').textContent())! })).toHaveCount(1);
      await expect(card.locator('.check-context mark')).toHaveText(claim.text);
    }
    // The status carries the count, never the cards.
    expect(await status(page).locator('*').count()).toBe(0);

    // Emptying the box brings the example back.
    await page.getByLabel('Paste a sentence or a paragraph about the study').fill('');
    await expect(results(page)).toHaveAttribute('data-checked', '');
    await expect(page.locator('[data-check-example]')).toBeVisible();
    await expect(status(page)).toHaveText('');
    await expect(cards(page)).toHaveCount(checkText(EXAMPLE_TEXT, DATA).claims.length);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('Check checks at once, without reloading the page', async ({ page }) => {
    await open(page);
    // The text set without an input event: only the button can check it.
    await page.evaluate((text) => {
      (window as unknown as { __same: boolean }).__same = true;
      document.querySelector<HTMLTextAreaElement>('#check-text')!.value = text;
    }, SENTENCE);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(results(page)).toHaveAttribute('data-checked', SENTENCE);
    await expect(cards(page)).toHaveCount(checkText(SENTENCE, DATA).claims.length);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
  });

  test('a sentence with no number says it matches nothing', async ({ page }) => {
    await open(page);
    const text = 'The survey asked <b>workers</b> about AI at work.';
    await check(page, text);
    await expect(cards(page)).toHaveCount(0);
    await expect(page.locator('[data-no-claim]')).toHaveText(`No number about the study found in: “${text}”`);
    await expect(page.locator('[data-check-list] b')).toHaveCount(0);
    await expect(status(page)).toHaveText('No number about the study found.');
  });

  test('checking sends nothing anywhere: no request once the page has loaded', async ({ page }) => {
    // One check per sentence of the list, which grows with the checker.
    test.setTimeout(30_000 + SENTENCES.length * 1_000);
    await open(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const [i, s] of SENTENCES.entries()) await check(page, s.text, i % 2 ? 'fill' : 'submit');
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
  });

  test('the copy button copies the suggestion and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = watchErrors(page);
    const { result, suggestion } = madeUp();
    await serveWithCards(page, result);
    await open(page);
    const card = cards(page).first();
    const button = card.getByRole('button', { name: /^Copy the suggested wording for/ });
    await expect(button).toBeVisible();
    await expect(card.getByRole('textbox', { name: /^Suggested wording for/ })).toHaveValue(suggestion);
    await button.click();
    await expect(card.locator('[data-copy-status]')).toHaveText(`Copied: suggested wording for “${result.claims[0]!.text}”.`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(suggestion);
    expect(errors).toEqual([]);
  });

  test('the copy button of a sentence the checker suggests a wording for', async ({ page, context }) => {
    const text = SENTENCES.map((s) => s.text).find((t) => checkText(t, DATA).claims.some((c) => c.suggestion !== null));
    test.skip(!text, 'the checker suggests no wording for any sentence of tests/check/sentences.ts yet');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page);
    await check(page, text!);
    const claims = checkText(text!, DATA).claims;
    const i = claims.findIndex((c) => c.suggestion !== null);
    await cards(page).nth(i).getByRole('button', { name: /^Copy/ }).click();
    await expect(cards(page).nth(i).locator('[data-copy-status]')).toHaveText(/^Copied: /);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(claims[i]!.suggestion);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in ${scheme} mode: the example, every kind of card, and a checked text`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await serveWithCards(page, madeUp().result);
      await open(page);
      await expect(cards(page)).toHaveCount(3);
      const before = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(before.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await check(page, `${SENTENCE} Nothing here.`);
      const after = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(after.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('at 320 px nothing scrolls sideways, with every kind of card', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const { result, text } = madeUp();
    await serveWithCards(page, result);
    await open(page);
    await expect(cards(page)).toHaveCount(3);
    const wide = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const over = [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > width + 1)
          .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
        return { scroll: document.documentElement.scrollWidth - width, over };
      });
    expect(await wide()).toEqual({ scroll: 0, over: [] });
    await check(page, `${text} ${'Averyveryverylongwordwithoutanyspaceinitatall'.repeat(3)} 88%.`);
    expect(await wide()).toEqual({ scroll: 0, over: [] });
  });

  test('the page and the checker agree on every sentence of tests/check/sentences.ts', async ({ page }) => {
    expect(SENTENCES.length).toBeGreaterThan(0);
    test.setTimeout(30_000 + SENTENCES.length * 1_000);
    await open(page);
    for (const { text } of SENTENCES) {
      await check(page, text, 'submit');
      const result = checkText(text, DATA);
      expect(await cardStates(page), text).toEqual(expectedStates(result.claims));
      await expect(status(page), text).toHaveText(resultSummary(result));
      // The cards are the ones render.ts makes in Node, to the byte as the browser reads them
      // (once the page's script has shown the copy buttons the HTML hides).
      const same = await page.evaluate((html) => {
        const t = document.createElement('template');
        t.innerHTML = html;
        for (const b of t.content.querySelectorAll('button[data-copy]')) b.removeAttribute('hidden');
        const made = document.createElement('div');
        made.append(t.content);
        return made.innerHTML === document.querySelector('[data-check-list]')!.innerHTML;
      }, resultHtml(result, DATA, '/'));
      expect(same, text).toBe(true);
      for (const [i, claim] of result.claims.entries()) {
        if (claim.suggestion !== null) await expect(cards(page).nth(i).locator('textarea'), text).toHaveValue(claim.suggestion);
      }
    }
  });
});

test.describe('/check/ without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('shows the example, labelled as one, with its cards, and how to check one’s own text', async ({ page }) => {
    await page.goto('/check/');
    await expect(page.getByLabel('Paste a sentence or a paragraph about the study')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeVisible();
    await expect(page.locator('[data-check-example]')).toBeVisible();
    await expect(page.locator('[data-check-example]')).toContainText(`An example.`);
    await expect(page.locator('[data-check-example]')).toContainText(EXAMPLE_TEXT);
    const example = checkText(EXAMPLE_TEXT, DATA);
    await expect(cards(page)).toHaveCount(example.claims.length);
    expect(await cardStates(page)).toEqual(expectedStates(example.claims));
    for (const card of await cards(page).all()) await expect(card).toBeVisible();
    const message = page.locator('[data-check-nojs]');
    await expect(message).toBeVisible();
    await expect(message).toContainText('Checking your own text needs JavaScript');
    await expect(message).toContainText('npm run --silent check:claim -- "TEXT"');
    // No dead control: copy buttons stay hidden; the only button is the form's.
    await expect(page.getByRole('button')).toHaveCount(1);
  });

  test('sending the form carries none of the text: it never reaches the server', async ({ page }) => {
    await page.goto('/check/');
    const text = 'A private draft: 88% of us are burned out.';
    await page.getByLabel('Paste a sentence or a paragraph about the study').fill(text);
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
    await Promise.all([page.waitForURL(/\/check\/\?$/), page.getByRole('button', { name: 'Check', exact: true }).click()]);
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) {
      expect(request).not.toContain('88');
      expect(request).not.toContain('draft');
    }
    await expect(page.locator('[data-check-nojs]')).toBeVisible();
  });
});
