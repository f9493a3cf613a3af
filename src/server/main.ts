/**
 * The guess service's entry: `npx tsx src/server/main.ts` (npm run serve). Serves the API and,
 * from DIST_DIR (default dist/, when it exists), the built site, on one port. Prints one line when
 * ready and nothing about any request. Deletes expired class rooms at start and every 10 minutes.
 * SIGTERM or SIGINT: stops the sweep, ends open event streams, stops accepting, lets open requests
 * finish, closes the database, exits 0.
 *
 * Environment: PORT (4321; 0 picks a free one), HOST (127.0.0.1), DATABASE_URL (a PostgreSQL
 * server; otherwise PGlite in GUESS_DATA_DIR, default .data/guesses), GUESS_RATE_LIMIT (guesses a
 * minute per address, 30; reads get ten times as many; 0 turns the limit off), TRUST_PROXY=1 (the
 * client's address is the last X-Forwarded-For hop: set it behind nginx, never when exposed).
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp, forwardedAddress } from './app';
import { DEFAULT_DATA_DIR, openDb } from './db';
import { GUESSES_PER_MINUTE } from '../lib/crowd-rules';

function fail(message: string): never {
  console.error(`guess service: ${message}`);
  process.exit(1);
}

const env = process.env;
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT: must be a port number, not ${JSON.stringify(env.PORT)}`);
const perMinute = Number(env.GUESS_RATE_LIMIT ?? GUESSES_PER_MINUTE);
if (!Number.isInteger(perMinute) || perMinute < 0) fail(`GUESS_RATE_LIMIT: must be a whole number of guesses a minute (0: no limit), not ${JSON.stringify(env.GUESS_RATE_LIMIT)}`);
const url = env.DATABASE_URL || undefined;
const dataDir = env.GUESS_DATA_DIR || DEFAULT_DATA_DIR;
// DIST_DIR named explicitly must exist; the default dist/ is served when it does.
const dist = env.DIST_DIR !== undefined ? env.DIST_DIR || undefined : existsSync('dist') ? 'dist' : undefined;
if (dist && !existsSync(dist)) fail(`DIST_DIR: ${dist} does not exist (build the site first: npx astro build)`);

const db = await openDb({ url, dataDir }).catch((e: unknown) => fail(`the database did not open: ${e instanceof Error ? e.message : String(e)}`));
const app = createApp({
  db,
  rateLimit: perMinute ? { postsPerMinute: perMinute, getsPerMinute: perMinute * 10 } : false,
  clientAddress: env.TRUST_PROXY === '1' ? forwardedAddress : undefined,
  dist,
});

// Class mode: rooms past their 12 hours are deleted (with their answers) at start and every 10 minutes.
const sweep = () =>
  app.rooms.sweep().catch((e: unknown) => console.error(`guess service: sweeping expired rooms: ${e instanceof Error ? e.message : String(e)}`));
void sweep();
const sweeper = setInterval(sweep, 10 * 60_000);

const shown = host.includes(':') ? `[${host}]` : host;
const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.log(`guess service listening on http://${shown}:${info.port} (${db.kind === 'pglite' ? `pglite ${dataDir}` : 'postgres'})`);
});
server.on('error', (e: Error) => fail(e.message));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(sweeper);
  // Open event streams would hold close() open: end them (clients reconnect, to another process).
  app.rooms.events.shutdown();
  // Idle keep-alive connections would hold close() open; open requests finish first (10 s at most).
  const force = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), 10_000);
  force.unref();
  server.close(() => {
    db.close().then(
      () => process.exit(0),
      (e: unknown) => fail(`closing the database: ${e instanceof Error ? e.message : String(e)}`),
    );
  });
  if ('closeIdleConnections' in server) {
    server.closeIdleConnections();
    // The event streams just ended leave their connections idle a moment later.
    setTimeout(() => server.closeIdleConnections(), 100).unref();
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
