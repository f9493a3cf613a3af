#!/usr/bin/env node
/**
 * Page-weight, build-time, Lighthouse and guess-service load benchmark. Builds the site (unless
 * --no-build), prints the bytes every page of dist/ loads (scripts/bench/sizes.mjs), then serves
 * dist/ with `astro preview` and runs Lighthouse (mobile, simulated throttling) in Debian's Chromium
 * on the story, the data page and two embeds (a chart without a control, one with a slider), round
 * by round with a reference page (the 404 page, text only) loaded first in each round
 * (scripts/bench/lighthouse.mjs); last, autocannon loads the guess service (src/server/main.ts) on
 * PGlite, then on a throwaway PostgreSQL cluster (scripts/bench/load.mjs), and a class of 200
 * students answering into one room with 5 event streams open, on both backends
 * (scripts/bench/rooms-load.mjs). Exits 1 when a gate fails.
 *
 *   npm run bench                                  build, measure, Lighthouse, load
 *   npm run bench -- --no-build                    measure an existing dist/ (built with SITE_URL
 *                                                  http://127.0.0.1:$BENCH_PORT)
 *   npm run bench -- --no-build --no-lighthouse    sizes only
 *   npm run bench -- --runs 5                      5 Lighthouse rounds (CI uses this)
 *   npm run bench -- --load-seconds 5              the guess service's load for 5 s per backend (30)
 *   npm run bench -- --no-load                     without the guess service's load (nor the class's)
 *   npm run bench -- --no-rooms-load               without the class's load (rooms-load.mjs)
 *   npm run bench -- --load-only                   the guess service's load and the class's alone
 *                                                  (no dist/ needed)
 *
 * What gates and what is only reported (scripts/bench/budgets.mjs has the reasons and the figures):
 *   gate    bytes of HTML, CSS, JS, fonts, on-demand code   deterministic
 *   gate    accessibility, best practices, SEO scores       deterministic audits of DOM and responses
 *   gate    CLS 0 in every run                              shifts, not durations
 *   gate    longest main-thread task ÷ the reference's      both slowed alike by a busy machine:
 *           (median of the rounds' ratios)                  the ratio holds, the milliseconds do not
 *   gate    each embed's LCP ÷ the text-only page's         same
 *           (the reference; median; at most 1.2)
 *   gate    guess service under load, PGlite and            correctness, not speed: the service
 *           PostgreSQL: zero errors, timeouts and non-2xx;  answers and keeps what it
 *           every acknowledged guess (201) counted          acknowledged however busy the machine
 *   gate    class mode under load, PGlite and PostgreSQL:   correctness again: a class on one
 *           no failed request; every answer counted by      address is let through, and the
 *           GET state and by each of the 5 streams          projector sees every answer
 *   report  TBT (fastest and median run), performance score, LCP of the story and /data/, the
 *           longest task in ms, build time, Lighthouse time: timings a noisy machine flips, and
 *           TBT and the score have no reference to divide by (the reference's TBT is 0);
 *           the guess service's requests/s and p50/p97.5/p99 latency (a shared two-core machine);
 *           the class's answer latency p50/p99 and how soon all 5 streams showed the 200th answer
 *
 * BENCH_PORT (default 4351) is the port dist/ is served on while Lighthouse runs.
 */
import { existsSync } from 'node:fs';
import { buildSite } from './bench/build.mjs';
import { LH_PAGES, REFERENCE } from './bench/budgets.mjs';
import { runLighthouse } from './bench/lighthouse.mjs';
import { reportLoad, runLoad } from './bench/load.mjs';
import { readOptions } from './bench/options.mjs';
import { reportRoomsLoad, runRoomsLoad } from './bench/rooms-load.mjs';
import { reportLighthouse, warnIfBusy } from './bench/report.mjs';
import { measureSizes, printSizes } from './bench/sizes.mjs';

const benchStart = performance.now();
const options = readOptions();
let failed = false;

const buildSeconds = options.build ? buildSite(options.origin) : null;
if (options.sizes) {
  if (!existsSync(options.dist)) {
    console.error('bench: dist/ does not exist; run without --no-build');
    process.exit(2);
  }
  const sizes = measureSizes(options.dist);
  if (sizes.failed) failed = true;
  if (!printSizes(sizes)) failed = true;
}
if (buildSeconds !== null) console.log(`build time: ${buildSeconds.toFixed(1)} s (reported, not judged)`);

if (options.lighthouse) {
  try {
    warnIfBusy();
    const results = await runLighthouse({ ...options, pages: LH_PAGES, reference: REFERENCE });
    if (!reportLighthouse(results, options.runs)) failed = true;
  } catch (err) {
    console.error(`bench: Lighthouse did not run: ${err?.stack ?? err}`);
    process.exit(2);
  }
}
if (options.load) {
  const runs = await runLoad({ seconds: options.loadSeconds });
  if (!reportLoad(runs, { seconds: options.loadSeconds })) failed = true;
}
if (options.roomsLoad) {
  if (!reportRoomsLoad(await runRoomsLoad())) failed = true;
}
console.log(`\nbench time: ${((performance.now() - benchStart) / 1000).toFixed(1)} s`);
if (failed) {
  console.error('bench: over budget');
  process.exit(1);
}
