import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/browsers';

/**
 * Browser tests run against `astro preview` of one build (dist/), in Debian's Chromium. There is no
 * skip path: if the browser is missing, every test fails, in CI and locally alike. The `nginx`
 * project serves the same dist/ through nginx (tests/nginx/server.ts starts it, one per worker, on
 * E2E_NGINX_PORT and up): the response headers, caching, compression and framing; nginx missing
 * fails it the same way.
 */
const PORT = Number(process.env.E2E_PORT || 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Two workers and a 5 s expect timeout: with these, the browser project ran three times over
  // (--repeat-each=3, 450 tests) on this 2-core machine with a build running beside it, with no failure.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // The second reporter prints the Chromium version the visual baselines were made with (tests/visual).
  reporter: [['list'], ['./tests/visual/browser-reporter.ts']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    { name: 'chromium', testDir: 'tests/e2e', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'nginx', testDir: 'tests/nginx', use: { ...devices['Desktop Chrome'], channel: undefined } },
    // The guess service: dist/ and the API from one process of src/server/main.ts, each test
    // starting its own on a free port (tests/service/service.ts).
    { name: 'service', testDir: 'tests/service', use: { ...devices['Desktop Chrome'], channel: undefined } },
    {
      // Screenshots of every chart compared with committed baselines (made on this machine image:
      // no platform suffix). Update with `npm run test:visual -- --update-snapshots`.
      name: 'visual',
      testDir: 'tests/visual',
      snapshotPathTemplate: 'tests/visual/__screenshots__/{arg}{ext}',
      // Strict: a pixel counts as changed at a 5% colour difference, and 100 changed pixels fail a
      // chart of any size (a share of pixels would let a recoloured bar through on tall charts).
      expect: { toHaveScreenshot: { threshold: 0.05, maxDiffPixels: 100, animations: 'disabled' } },
      use: { ...devices['Desktop Chrome'], channel: undefined, reducedMotion: 'reduce', colorScheme: 'light' },
    },
  ],
  webServer: {
    command: `npx astro preview --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
