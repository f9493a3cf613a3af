import { defineConfig } from 'vitest/config';

/**
 * The reader's flows in three engines (tests/engines/): Firefox ESR, WebKitGTK and Chromium, driven
 * directly, against dist/. One file per engine, one at a time (Firefox takes one BiDi session and
 * WebKitWebDriver one automation session; the machine has two cores), each test in order.
 * `npm run test:engines` runs it under xvfb-run, which WebKitGTK needs for a display.
 */
export default defineConfig({
  test: {
    include: ['tests/engines/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A missing engine fails its file; nothing is skipped.
    passWithNoTests: false,
  },
});
