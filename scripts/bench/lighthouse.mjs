/**
 * Lighthouse runner: serves dist/, then runs Lighthouse 12 (mobile, simulated throttling) in Debian's
 * Chromium, round by round: each round loads the reference page, then every page, in one Chromium,
 * so a page and the reference it is divided by are measured moments apart under the same load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPreview } from './preview.mjs';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Runs `runs` rounds over [reference, ...pages]. Returns { reference, pages, seconds }: for the
 * reference and each page, { page, runs: [lhr per round], lhr: the median run (Lighthouse's
 * computeMedianRun, by FCP and TTI) }. The server and Chromium are stopped either way.
 */
export async function runLighthouse({ pages, reference, runs, origin, port, base, dist }) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');

  const canonical = readFileSync(join(dist, 'index.html'), 'utf8').match(/<link[^>]+rel="canonical"[^>]*href="([^"]+)"/)?.[1];
  if (canonical && !canonical.startsWith(origin)) {
    console.warn(`bench: dist/ was built for ${new URL(canonical).origin}, not ${origin}; ` +
      `rebuild with SITE_URL=${origin} (or run without --no-build) for SEO figures that mean something`);
  }

  const t0 = performance.now();
  const server = await startPreview({ origin, port, base });
  let chrome;
  const all = [reference, ...pages];
  const byPage = all.map(() => []);
  try {
    chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    for (let round = 0; round < runs; round++) {
      for (const [i, page] of all.entries()) {
        const url = `${origin}${base}${page}`;
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        if (!result?.lhr) throw new Error(`no result for ${url}`);
        if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        byPage[i].push(result.lhr);
      }
    }
  } finally {
    if (chrome) await chrome.kill();
    await server.stop();
  }
  const results = all.map((page, i) => ({
    page: `/${page}`,
    runs: byPage[i],
    lhr: runs > 1 ? computeMedianRun(byPage[i]) : byPage[i][0],
  }));
  return { reference: results[0], pages: results.slice(1), seconds: (performance.now() - t0) / 1000 };
}
