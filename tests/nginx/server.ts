/**
 * nginx serving the suite's dist/ (built once, before the tests) through `scripts/serve-nginx.mjs`:
 * one server per test worker, on E2E_NGINX_PORT (default 4381) plus the worker's index, started
 * before the worker's first test and stopped after its last. Tests use `site(path)` for addresses
 * under the base the build was made for.
 */
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { configBase } from '../../src/lib/nginx';
import { startNginx, stopNginx } from './serve';

export const DIST = 'dist';
const include = readFileSync(`${DIST}/_nginx/site.conf`, 'utf8');
/** The base dist/ was built for ("/" unless BASE_PATH was set). */
export const BASE = configBase(include) ?? '/';

export interface Nginx {
  /** "http://127.0.0.1:4381" */
  origin: string;
  /** An address of the site: site('/data/') → "http://127.0.0.1:4381/ai-at-work/data/" under a base. */
  site: (path: string) => string;
}

export const test = base.extend<object, { nginx: Nginx }>({
  nginx: [
    async ({}, use, workerInfo) => {
      const port = Number(process.env.E2E_NGINX_PORT || 4381) + workerInfo.parallelIndex;
      const { child, origin } = await startNginx(port, DIST);
      await use({ origin, site: (path: string) => `${origin}${BASE}${path.replace(/^\//, '')}` });
      await stopNginx(child);
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ nginx }, use) => use(nginx.site('/')),
});
export { expect };
export { get, type Raw } from './serve';
