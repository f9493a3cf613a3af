/**
 * The bench's command line and environment: --runs N, --no-build, --no-lighthouse; BENCH_PORT
 * (default 4351) for the preview server; BASE_PATH, the deploy base the site was built for.
 */
import { resolve } from 'node:path';

/** Parses argv (without node and the script); exits 2 on a bad --runs. */
export function readOptions(args = process.argv.slice(2), env = process.env) {
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs takes a whole number ≥ 1');
    process.exit(2);
  }
  const port = Number(env.BENCH_PORT || 4351);
  return {
    runs,
    build: !args.includes('--no-build'),
    lighthouse: !args.includes('--no-lighthouse'),
    port,
    origin: `http://127.0.0.1:${port}`,
    /** The deploy base as the pages' URLs carry it. */
    base: env.BASE_PATH || '/',
    dist: resolve('dist'),
  };
}
