/**
 * Debian's Chromium, as every browser test starts it (Playwright's projects and the engine tests):
 * headless, no sandbox (the tests run as root in CI), and none of the background connections this
 * machine's closed network would refuse.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
