/**
 * One browser tab, the same to a test in every engine: Gecko (Firefox ESR over WebDriver BiDi,
 * puppeteer-core), WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, W3C WebDriver,
 * selenium-webdriver) and Blink (Debian's Chromium over CDP, puppeteer-core). The flows
 * (flows.ts) are written once against this, so a difference between engines shows as a test that
 * fails in one of them, never as a test written three ways.
 *
 * Clicks and keys are the engine's own input (pointer and key events the browser dispatches, not
 * synthetic DOM events), so what a reader's mouse or keyboard would do is what is tested.
 */

/** A function run in the page, with JSON arguments; it may return a promise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PageFn<T, A extends unknown[]> = (...args: A) => T | Promise<T>;

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** Keys by their KeyboardEvent.key names (a single character types that character). */
export type Key = 'Tab' | 'Enter' | 'Escape' | 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown' | ' ' | string;

export interface Session {
  readonly engine: EngineName;
  /** The browser's own name and version, as it reports it. */
  readonly version: string;
  /** Loads a page and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs a function in the current document (the page, or the frame `inFrame` entered). */
  run<T, A extends unknown[]>(fn: PageFn<T, A>, ...args: A): Promise<T>;
  /** A real click at the centre of the first element matching `selector`, scrolled into view first. */
  click(selector: string): Promise<void>;
  /** A real key press (down and up) sent to whatever has focus. */
  press(key: Key): Promise<void>;
  /** Runs `body` with the document of the iframe matching `selector` as the current one. */
  inFrame<T>(selector: string, body: () => Promise<T>): Promise<T>;
  /** The page's layout viewport, in CSS pixels. */
  viewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface Launch {
  /** Starts the engine; `javascript: false` turns scripts off for the whole browser. */
  (options?: { javascript?: boolean }): Promise<Session>;
}

/**
 * Waits until `fn` returns a truthy value in the page, checking again after each answer (no fixed
 * sleeps: a slow machine only makes it take longer); fails after `timeout` ms naming `what` and the
 * last value seen.
 */
export async function until<T, A extends unknown[]>(
  s: Session,
  what: string,
  fn: PageFn<T, A>,
  args: A,
  timeout = 10_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await s.run(fn, ...args);
      if (last) return last as NonNullable<T>;
    } catch (e) {
      // A page between documents (navigation, a frame loading) cannot answer yet.
      error = e;
    }
    if (Date.now() > end) {
      throw new Error(`${s.engine}: timed out after ${timeout} ms waiting for ${what}; last seen ${JSON.stringify(last)}${error ? `, last error ${String(error)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
