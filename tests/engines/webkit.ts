/**
 * Sessions in WebKitGTK's MiniBrowser, the engine family of Safari, through WebKitWebDriver (W3C
 * WebDriver, from Debian's webkit2gtk-driver) with selenium-webdriver as the client. It needs a
 * display: the engine tests run under xvfb-run (package.json). WebKitWebDriver allows one
 * automation session at a time, so each test file starts its own driver and sessions run serially.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, By, Key as WdKey, type WebDriver } from 'selenium-webdriver';
import type { Key, Launch, PageFn, Session } from './session';

/** MiniBrowser lives under /usr/lib/<triplet>/webkit2gtk-4.1/ (or webkitgtk-6.0/). */
export function miniBrowser(): string {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  for (const triplet of existsSync('/usr/lib') ? readdirSync('/usr/lib') : []) {
    for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) {
      const path = `/usr/lib/${triplet}/${api}/MiniBrowser`;
      if (existsSync(path)) return path;
    }
  }
  throw new Error("WebKitGTK's MiniBrowser is missing: install Debian's webkit2gtk-driver (it brings libwebkit2gtk and MiniBrowser)");
}

const KEYS: Record<string, string> = {
  Tab: WdKey.TAB,
  Enter: WdKey.ENTER,
  Escape: WdKey.ESCAPE,
  ArrowLeft: WdKey.ARROW_LEFT,
  ArrowRight: WdKey.ARROW_RIGHT,
  ArrowUp: WdKey.ARROW_UP,
  ArrowDown: WdKey.ARROW_DOWN,
  Home: WdKey.HOME,
  End: WdKey.END,
  PageUp: WdKey.PAGE_UP,
  PageDown: WdKey.PAGE_DOWN,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts WebKitWebDriver on a free loopback port and waits until it answers /status. */
async function startDriver(): Promise<{ proc: ChildProcess; url: string }> {
  const port = await freePort();
  const proc = spawn('WebKitWebDriver', ['--host=127.0.0.1', `--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += String(d)));
  const spawned = new Promise<never>((_, reject) =>
    proc.once('error', (e) => reject(new Error(`WebKitWebDriver could not start (${e.message}): install Debian's webkit2gtk-driver`))),
  );
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let i = 0; i < 200; i++) {
      if (proc.exitCode !== null) throw new Error(`WebKitWebDriver exited ${proc.exitCode}: ${stderr}`);
      try {
        const r = await fetch(`${url}/status`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`WebKitWebDriver did not answer on ${url}: ${stderr}`);
  })();
  await Promise.race([ready, spawned]);
  return { proc, url };
}

class WebKitSession implements Session {
  readonly engine = 'webkit' as const;
  constructor(
    readonly version: string,
    private driver: WebDriver,
    private proc: ChildProcess,
  ) {}
  async goto(url: string) {
    await this.driver.switchTo().defaultContent();
    await this.driver.get(url);
  }
  run<T, A extends unknown[]>(fn: PageFn<T, A>, ...args: A): Promise<T> {
    // Execute Script awaits a returned promise (W3C WebDriver), so async functions work as elsewhere.
    return this.driver.executeScript(`return (${fn.toString()}).apply(null, arguments);`, ...args) as Promise<T>;
  }
  async click(selector: string) {
    // Element Click scrolls the element into view and clicks its centre with the pointer.
    await this.driver.findElement(By.css(selector)).click();
  }
  async press(key: Key) {
    const k = KEYS[key] ?? key;
    await this.driver.actions().keyDown(k).keyUp(k).perform();
  }
  async inFrame<T>(selector: string, body: () => Promise<T>): Promise<T> {
    await this.driver.switchTo().frame(await this.driver.findElement(By.css(selector)));
    try {
      return await body();
    } finally {
      await this.driver.switchTo().parentFrame();
    }
  }
  async viewport(width: number, height: number) {
    // The window's outer size: grow it until the layout viewport is what was asked for.
    for (let i = 0; i < 3; i++) {
      const inner = await this.run(() => [window.innerWidth, window.innerHeight]);
      const rect = await this.driver.manage().window().getRect();
      if (inner[0] === width && inner[1] === height) return;
      await this.driver.manage().window().setRect({ width: rect.width + width - inner[0]!, height: rect.height + height - inner[1]! });
    }
  }
  async close() {
    try {
      await this.driver.quit();
    } finally {
      this.proc.kill();
    }
  }
}

export const webkit: Launch = async (o = {}) => {
  if (!process.env.DISPLAY) throw new Error('WebKitGTK needs a display: run the engine tests under xvfb-run (npm run test:engines does)');
  const { proc, url } = await startDriver();
  const args = ['--automation'];
  if (o.javascript === false) args.push('--enable-javascript=false');
  try {
    const driver = await new Builder()
      .usingServer(url)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser(), args } })
      .build();
    const caps = await driver.getCapabilities();
    return new WebKitSession(`WebKitGTK ${caps.get('browserVersion')}`, driver, proc);
  } catch (e) {
    proc.kill();
    throw e;
  }
};
