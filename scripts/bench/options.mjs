/**
 * The bench's command line and environment: --runs N, --no-build, --no-lighthouse, --no-load,
 * --no-rooms-load, --load-seconds N, --load-only; BENCH_PORT
 * (default 4351) for the preview server; BASE_PATH, the deploy base the site was built for.
 */
import { resolve } from 'node:path';

/** Parses argv (without node and the script); exits 2 on a bad --runs or --load-seconds. */
export function readOptions(args = process.argv.slice(2), env = process.env) {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs takes a whole number ≥ 1');
    process.exit(2);
  }
  const secondsArg = args.indexOf('--load-seconds');
  const loadSeconds = secondsArg >= 0 ? Number(args[secondsArg + 1]) : 30;
  if (!Number.isInteger(loadSeconds) || loadSeconds < 1) {
    console.error('bench: --load-seconds takes a whole number ≥ 1');
    process.exit(2);
  }
  const loadOnly = args.includes('--load-only');
  const port = Number(env.BENCH_PORT || 4351);
  return {
    runs,
    build: !loadOnly && !args.includes('--no-build'),
    lighthouse: !loadOnly && !args.includes('--no-lighthouse'),
    /** Sizes need dist/; --load-only measures the guess service alone. */
    sizes: !loadOnly,
    load: !args.includes('--no-load'),
    /** Class mode's load (rooms-load.mjs): part of the load, and of --load-only; --no-rooms-load skips it alone. */
    roomsLoad: !args.includes('--no-load') && !args.includes('--no-rooms-load'),
    loadSeconds,
    port,
    origin: `http://127.0.0.1:${port}`,
    /** The deploy base as the pages' URLs carry it. */
    base: env.BASE_PATH || '/',
    dist: resolve('dist'),
  };
}
