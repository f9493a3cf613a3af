/**
 * Class mode against the real guess service: dist/ (built with GUESS_API=/api/) and the API from one
 * process of src/server/main.ts, a fresh one (PGlite in a temporary folder) per test. A teacher starts
 * a class on /teach/ and runs it from the projector view (/class/); students join by code on /join/
 * in their own browser contexts, and 30 more answer as API clients from the same address (a class
 * shares one school address). What the projector counts and draws must be exactly what was sent.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { startService, type Service } from './service';

const rows = Papa.parse<{ id: string; value: string }>(readFileSync('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const published = (id: string) => Number(rows.find((r) => r.id === id)!.value);
const FIRST = 'burnout-share';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let service: Service;
const contexts: BrowserContext[] = [];
test.beforeEach(async () => {
  service = await startService();
});
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await service?.stop();
});

/** A context of its own (no shared storage), which records page errors and CSP violations. */
async function person(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.exposeFunction('__violation', (v: string) => problems.push(`CSP: ${v}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violation: (v: string) => void }).__violation(`${e.effectiveDirective} ${e.blockedURI}`)),
  );
  return { page, problems };
}

const api = (path: string, init: RequestInit = {}) => fetch(`${service.origin}/api/${path}`, init);
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const device = () => randomBytes(16).toString('base64url');
async function state(code: string) {
  const res = await api(`rooms/${code}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { question: string | null; revealed: boolean; answers: number; students: number; bins: { count: number }[] | null; published: unknown };
}

/** The teacher: /teach/ → Start a class → the projector view, its code read from the page; the key kept, the address holding only the code. */
async function teacher(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const { page, problems } = await person(browser, { viewport: { width: 1280, height: 720 }, ...options });
  await page.goto(`${service.origin}/teach/`);
  await page.getByRole('button', { name: 'Start a class' }).click();
  await expect(page).toHaveURL(/\/class\/#[A-Z2-9]{6}$/);
  const view = page.locator('[data-room-view]');
  await expect(view).toHaveAttribute('data-room-state', 'waiting');
  const code = new URL(page.url()).hash.slice(1);
  const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('class-room') ?? 'null') as { code: string; key: string });
  expect(kept.code).toBe(code);
  expect(kept.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(page.locator('[data-code]')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  return { page, problems, code, key: kept.key, view };
}

/** A student in a browser: /join/, the code typed (in lower case, with a space), Join. `blockEvents`: every event stream fails. */
async function student(browser: Browser, code: string, options: Parameters<Browser['newContext']>[0] = {}, blockEvents = false) {
  const { page, problems } = await person(browser, { viewport: { width: 390, height: 800 }, ...options });
  if (blockEvents) await page.route('**/events', (route) => route.abort());
  await page.goto(`${service.origin}/join/`);
  await page.getByLabel('Class code').pressSequentially(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
  await page.getByRole('button', { name: 'Join' }).click();
  const join = page.locator('[data-join]');
  await expect(join).not.toHaveAttribute('data-join-state', 'code');
  return { page, problems, join };
}

/** Moves the join page's slider to `value` by keyboard, then presses Send and waits for "Sent". */
async function answer(page: Page, value: number, label = 'Send') {
  const slider = page.getByRole('slider');
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < value; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', `Your guess: ${value}%`);
  await page.getByRole('button', { name: label }).click();
  await expect(page.locator('[data-sent]')).toHaveText(`Sent: ${value}%. You can change it until your teacher reveals the answer.`);
  await expect(page.locator('[data-join]')).toHaveAttribute('data-join-state', 'sent');
}

test('a class: a teacher, 30 students by API and 3 in browsers; the count reaches 33, nothing shows before Reveal, then exactly what was sent', async ({ browser }) => {
  test.setTimeout(90_000);
  const t = await teacher(browser);
  const browsers = [await student(browser, t.code), await student(browser, t.code), await student(browser, t.code)];
  for (const s of browsers) {
    await expect(s.join).toHaveAttribute('data-join-state', 'waiting');
    await expect(s.page.locator('[data-wait]')).toHaveText("You're in. Wait for your teacher to start the first question.");
  }

  await t.page.getByRole('button', { name: 'Ask the first question' }).click();
  await expect(t.view).toHaveAttribute('data-room-state', 'asking');
  await expect(t.page.locator('[data-step]')).toHaveText('Question 1 of 4');
  for (const s of browsers) {
    await expect(s.join).toHaveAttribute('data-join-state', 'asking');
    await expect(s.page.getByRole('slider')).toHaveAccessibleName(/burned out/);
    // The new question was announced.
    await expect(s.page.locator('[data-say]')).toContainText('Question 1 of 4.');
  }

  // 30 students from one address, by API: values 0, 3.5, 7, … (one in 30 answers twice: the second replaces the first).
  const sent = new Map<string, number>();
  const ids = Array.from({ length: 30 }, device);
  await Promise.all(
    ids.map(async (id, i) => {
      const value = Math.min(100, i * 3.5);
      const res = await api(`rooms/${t.code}/answers`, json({ device: id, question: FIRST, value }));
      expect(res.status, await res.clone().text()).toBe(201);
      sent.set(id, value);
    }),
  );
  const again = await api(`rooms/${t.code}/answers`, json({ device: ids[0], question: FIRST, value: 99 }));
  expect(again.status).toBe(201);
  sent.set(ids[0]!, 99);

  // The three browsers; the first changes its mind (counts once).
  await answer(browsers[0]!.page, 40);
  await answer(browsers[1]!.page, 55);
  await answer(browsers[2]!.page, 90);
  await answer(browsers[0]!.page, 45, 'Send again');
  const values = [...sent.values(), 45, 55, 90];

  await expect(t.page.locator('[data-room-answers]')).toHaveText('33');
  expect((await state(t.code)).answers).toBe(33);
  // 20 readers of the site guess the same question publicly (from the same address, under its limit of 30 a minute).
  for (let i = 0; i < 20; i++) expect((await api('guesses', json({ question: FIRST, value: 70 }))).status).toBe(201);

  // Before the reveal: no histogram and no published figure, anywhere.
  const pub = String(published(FIRST));
  for (const page of [t.page, ...browsers.map((s) => s.page)]) {
    await expect(page.locator('.ch-plot rect, .ch-pub, [data-pub]:visible')).toHaveCount(0);
    expect(await page.locator('main').innerText()).not.toMatch(/Published figure/);
    expect(await page.locator('main').innerText()).not.toContain(`${pub}%`);
  }
  const before = await state(t.code);
  expect([before.bins, before.published]).toEqual([null, null]);

  await t.page.getByRole('button', { name: 'Reveal' }).click();
  await expect(t.view).toHaveAttribute('data-room-state', 'revealed');
  const table = t.page.locator('[data-class-table]');
  await expect(table).toHaveAttribute('data-total', '33');
  // Each bin holds exactly the values sent into it (the last bin holds 100).
  const expected = new Array<number>(20).fill(0);
  for (const v of values) expected[Math.min(19, Math.floor(v / 5))]!++;
  const counts = await t.page.locator('[data-class-bins] tr td').allTextContents();
  expect(counts.map(Number)).toEqual(expected);
  await expect(t.page.locator('.ch-pub-label').first()).toHaveText(`Published figure: ${pub}%`);
  await expect(t.page.locator('[data-result]')).toContainText('not survey data');
  // Beside it, the site's readers: their 20 guesses, and none of the class's (room answers never enter the public table).
  await expect(t.page.locator('[data-public-h]')).toHaveText('Readers of this site (20 guesses)');
  await expect(t.page.locator('[data-public-plot] .ch-bin')).toHaveCount(1);
  expect(((await (await api(`guesses/${FIRST}`)).json()) as { count: number }).count).toBe(20);
  // Both histograms, the count and the controls fit the projector's 1280 × 720 without scrolling.
  expect(await t.page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)).toBeLessThanOrEqual(0);

  for (const [i, s] of browsers.entries()) {
    await expect(s.join).toHaveAttribute('data-join-state', 'revealed');
    await expect(s.page.locator('[data-pub]')).toHaveText(`Published figure: ${pub}%`);
    await expect(s.page.locator('[data-own]')).toContainText(`You guessed ${[45, 55, 90][i]}%`);
    await expect(s.page.locator('[data-result]')).toContainText("These are your class's guesses, not survey data.");
    expect((await s.page.locator('[data-bins] td').allTextContents()).map(Number)).toEqual(expected);
  }

  // After the reveal, answers are closed.
  const late = await api(`rooms/${t.code}/answers`, json({ device: device(), question: FIRST, value: 10 }));
  expect(late.status).toBe(409);

  // Next question: the students follow, with a fresh slider.
  await t.page.getByRole('button', { name: 'Next question' }).click();
  await expect(t.page.locator('[data-step]')).toHaveText('Question 2 of 4');
  await expect(t.page.locator('[data-room-answers]')).toHaveText('0');
  for (const s of browsers) await expect(s.join).toHaveAttribute('data-join-state', 'asking');
  await expect(browsers[0]!.page.getByRole('slider')).toHaveValue('50');

  for (const p of [t, ...browsers]) expect(p.problems).toEqual([]);
});

test('a student cannot reveal, reset or close: the join page has no such control and the API refuses without the key', async ({ browser }) => {
  const t = await teacher(browser);
  await t.page.getByRole('button', { name: 'Ask the first question' }).click();
  const s = await student(browser, t.code);
  await answer(s.page, 30);
  await expect(s.page.getByRole('button', { name: /reveal|reset|close/i })).toHaveCount(0);
  // What a student's browser could send: no key, or a made-up one.
  const fromStudent = await s.page.evaluate(async (code) => {
    const out: number[] = [];
    for (const [method, path] of [['POST', 'reveal'], ['POST', 'reset'], ['DELETE', '']] as const) {
      out.push((await fetch(`/api/rooms/${code}${path ? `/${path}` : ''}`, { method })).status);
      out.push((await fetch(`/api/rooms/${code}${path ? `/${path}` : ''}`, { method, headers: { Authorization: `Bearer ${'x'.repeat(43)}` } })).status);
    }
    out.push((await fetch(`/api/rooms/${code}/question`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'trust-top' }) })).status);
    return out;
  }, t.code);
  expect(fromStudent).toEqual([401, 403, 401, 403, 401, 403, 401]);
  const after = await state(t.code);
  expect([after.revealed, after.answers, after.question]).toEqual([false, 1, FIRST]);
  await expect(s.join).toHaveAttribute('data-join-state', 'sent');
  // The key never left the teacher's tab in an address.
  expect(t.page.url()).not.toContain(t.key);
});

test('a wrong code says there is no such class; a malformed one says what a code looks like', async ({ browser }) => {
  const { page, problems } = await person(browser, { viewport: { width: 320, height: 640 } });
  await page.goto(`${service.origin}/join/`);
  const input = page.getByLabel('Class code');
  await input.fill('ABCDEF');
  await input.press('Enter');
  const join = page.locator('[data-join]');
  await expect(join).toHaveAttribute('data-join-state', 'unknown');
  await expect(page.locator('[data-code-error]')).toHaveText('There is no class with the code ABC DEF. Check the code on your teacher’s screen and try again.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toBeFocused();
  await input.fill('AB0');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.locator('[data-code-error]')).toContainText('A class code has 6 letters and numbers');
  expect(problems).toEqual([]);
});

test('?code= fills the code; Reset clears the answers and the student sends again; Close ends the class on every screen', async ({ browser }) => {
  const t = await teacher(browser);
  await t.page.getByRole('button', { name: 'Ask the first question' }).click();
  const { page } = await person(browser, { viewport: { width: 390, height: 800 } });
  await page.goto(`${service.origin}/join/?code=${t.code.toLowerCase()}`);
  await expect(page.getByLabel('Class code')).toHaveValue(t.code);
  await page.getByRole('button', { name: 'Join' }).click();
  await answer(page, 20);
  await expect(t.page.locator('[data-room-answers]')).toHaveText('1');
  await t.page.getByRole('button', { name: 'Reset' }).click();
  await expect(t.page.locator('[data-room-answers]')).toHaveText('0');
  await expect(page.locator('[data-join]')).toHaveAttribute('data-join-state', 'asking');
  await expect(page.locator('[data-say]')).toHaveText('Your teacher cleared the answers. Send your guess again.');
  t.page.once('dialog', (d) => void d.accept());
  await t.page.getByRole('button', { name: 'Close room' }).click();
  await expect(t.view).toHaveAttribute('data-room-state', 'closed');
  await expect(page.locator('[data-join]')).toHaveAttribute('data-join-state', 'closed');
  expect((await api(`rooms/${t.code}`)).status).toBe(404);
});

test('a dropped event stream reconnects by itself and shows the right count', async ({ browser }) => {
  const { page, problems, code } = await teacher(browser);
  await page.getByRole('button', { name: 'Ask the first question' }).click();
  // The next two connections fail: the stream is dropped while answers arrive.
  let dropped = 0;
  await page.route('**/events', (route) => (dropped++ < 2 ? route.abort() : route.continue()));
  // Drop the open stream: reload the view (the key is kept in the tab), so it connects through the route.
  await page.reload();
  await expect(page.locator('[data-room-view]')).toHaveAttribute('data-room-state', 'asking');
  for (let i = 0; i < 4; i++) expect((await api(`rooms/${code}/answers`, json({ device: device(), question: FIRST, value: 10 * i }))).status).toBe(201);
  await expect(page.locator('[data-room-view]')).toHaveAttribute('data-live', 'events', { timeout: 10_000 });
  expect(dropped).toBeGreaterThanOrEqual(3);
  await expect(page.locator('[data-room-answers]')).toHaveText('4');
  // One more, live.
  expect((await api(`rooms/${code}/answers`, json({ device: device(), question: FIRST, value: 80 }))).status).toBe(201);
  await expect(page.locator('[data-room-answers]')).toHaveText('5');
  expect(problems).toEqual([]);
});

test('with the event stream blocked every time, the join page and the projector poll and still update', async ({ browser }) => {
  const t = await teacher(browser);
  await t.page.route('**/events', (route) => route.abort());
  await t.page.reload();
  const s = await student(browser, t.code, {}, true);
  await expect(t.view).toHaveAttribute('data-live', 'polling', { timeout: 10_000 });
  await expect(s.join).toHaveAttribute('data-live', 'polling', { timeout: 10_000 });
  await t.page.getByRole('button', { name: 'Ask the first question' }).click();
  await expect(s.join).toHaveAttribute('data-join-state', 'asking', { timeout: 10_000 });
  await answer(s.page, 60);
  for (let i = 0; i < 2; i++) expect((await api(`rooms/${t.code}/answers`, json({ device: device(), question: FIRST, value: 5 }))).status).toBe(201);
  await expect(t.page.locator('[data-room-answers]')).toHaveText('3', { timeout: 10_000 });
  await t.page.getByRole('button', { name: 'Reveal' }).click();
  await expect(s.join).toHaveAttribute('data-join-state', 'revealed', { timeout: 10_000 });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: /join/ and /class/ in every state, ${scheme}`, async ({ browser }) => {
    const t = await teacher(browser, { colorScheme: scheme });
    const s = await student(browser, t.code, { colorScheme: scheme });
    const check = async (page: Page, what: string) => {
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await check(t.page, '/class/ waiting');
    await check(s.page, '/join/ waiting');
    await t.page.getByRole('button', { name: 'Ask the first question' }).click();
    await expect(s.join).toHaveAttribute('data-join-state', 'asking');
    await answer(s.page, 70);
    await check(s.page, '/join/ sent');
    await check(t.page, '/class/ asking');
    await t.page.getByRole('button', { name: 'Reveal' }).click();
    await expect(s.join).toHaveAttribute('data-join-state', 'revealed');
    await s.page.locator('[data-result] summary').click();
    await check(s.page, '/join/ revealed');
    await check(t.page, '/class/ revealed');
    const fresh = (await person(browser, { colorScheme: scheme })).page;
    await fresh.goto(`${service.origin}/join/`);
    await check(fresh, '/join/ code');
  });
}

test('at 320 px /join/ never scrolls sideways; at 1280 × 720 /class/ fits without scrolling, revealed too; forced colours draw the marks', async ({ browser }) => {
  const t = await teacher(browser);
  const s = await student(browser, t.code, { viewport: { width: 320, height: 640 } });
  const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const tall = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
  expect(await sideways(s.page)).toBeLessThanOrEqual(0);
  expect(await tall(t.page)).toBeLessThanOrEqual(0);
  await t.page.getByRole('button', { name: 'Ask the first question' }).click();
  await expect(s.join).toHaveAttribute('data-join-state', 'asking');
  expect(await sideways(s.page)).toBeLessThanOrEqual(0);
  await answer(s.page, 12);
  expect(await tall(t.page)).toBeLessThanOrEqual(0);
  await t.page.getByRole('button', { name: 'Reveal' }).click();
  await expect(s.join).toHaveAttribute('data-join-state', 'revealed');
  await s.page.locator('[data-result] summary').click();
  expect(await sideways(s.page)).toBeLessThanOrEqual(0);
  expect(await tall(t.page)).toBeLessThanOrEqual(0);
  await s.page.emulateMedia({ forcedColors: 'active' });
  expect(await s.page.locator('.ch-pub').first().evaluate((l) => getComputedStyle(l).stroke)).not.toBe('none');
});
