/**
 * Sessions in Firefox ESR (WebDriver BiDi) and Chromium (CDP) through puppeteer-core, which needs no
 * driver binary for either. puppeteer-core's maintainers support the latest stable Firefox; the ESR
 * this project runs on is pinned in versions.json, and a browser of another major version fails the
 * run (engines.test.ts), so an upgrade is a decision, not a surprise.
 *
 * Firefox allows one BiDi session at a time: the flows use one browser at a time, serially. The
 * preferences stand in for emulations BiDi does not offer (no remote settings, no first-run pages).
 */
import puppeteer, { type Browser, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browsers';
import type { EngineName, Key, Launch, PageFn, Session } from './session';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

class PuppeteerSession implements Session {
  #ctx: Frame;
  constructor(
    readonly engine: EngineName,
    readonly version: string,
    private browser: Browser,
    private page: Page,
  ) {
    this.#ctx = page.mainFrame();
  }
  async goto(url: string) {
    this.#ctx = this.page.mainFrame();
    await this.page.goto(url, { waitUntil: 'load' });
  }
  run<T, A extends unknown[]>(fn: PageFn<T, A>, ...args: A): Promise<T> {
    return this.#ctx.evaluate(fn as (...a: unknown[]) => T, ...args) as Promise<T>;
  }
  async click(selector: string) {
    const el = await this.#ctx.$(selector);
    if (!el) throw new Error(`${this.engine}: nothing matches ${selector}`);
    // Held down as a person's click is (tens of milliseconds), so the page can react to the press
    // (focus moves, layout changes) before the release, as it does for a reader.
    await el.click({ delay: 80 });
  }
  async press(key: Key) {
    await this.page.keyboard.press(key as KeyInput);
  }
  async inFrame<T>(selector: string, body: () => Promise<T>): Promise<T> {
    const outer = this.#ctx;
    const handle = await outer.waitForSelector(selector);
    const frame = await handle!.contentFrame();
    if (!frame) throw new Error(`${this.engine}: ${selector} has no frame`);
    this.#ctx = frame;
    try {
      return await body();
    } finally {
      this.#ctx = outer;
    }
  }
  async viewport(width: number, height: number) {
    await this.page.setViewport({ width, height });
  }
  async close() {
    await this.browser.close();
  }
}

async function start(engine: 'firefox' | 'chromium', javascript: boolean): Promise<Session> {
  const browser =
    engine === 'firefox'
      ? await puppeteer.launch({
          browser: 'firefox',
          executablePath: FIREFOX,
          headless: true,
          extraPrefsFirefox: {
            'javascript.enabled': javascript,
            // Web Audio plays without a sound device in a headless run, and without a prior gesture check.
            'media.autoplay.default': 0,
            'media.autoplay.blocking_policy': 0,
            'browser.shell.checkDefaultBrowser': false,
            'datareporting.policy.dataSubmissionEnabled': false,
          },
        })
      : await puppeteer.launch({
          browser: 'chrome',
          executablePath: CHROMIUM_PATH,
          headless: true,
          args: [...CHROMIUM_ARGS],
        });
  // A tab of our own: Firefox's first tab never has the document focus (document.hasFocus() is
  // false, so :focus and :focus-within match nothing there); a tab opened by the session does.
  const first = await browser.pages();
  const page = await browser.newPage();
  for (const p of first) await p.close();
  await page.bringToFront();
  // Firefox takes it as a preference above; Chromium per page.
  if (!javascript && engine === 'chromium') await page.setJavaScriptEnabled(false);
  return new PuppeteerSession(engine, await browser.version(), browser, page);
}

export const firefox: Launch = (o = {}) => start('firefox', o.javascript ?? true);
export const chromium: Launch = (o = {}) => start('chromium', o.javascript ?? true);
