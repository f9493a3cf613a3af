/**
 * Load on the guess service (src/server/main.ts): autocannon on loopback against the real process,
 * rate limit off (GUESS_RATE_LIMIT=0), on each backend in turn: PGlite in a fresh temporary data
 * folder (the embedded default) and a throwaway PostgreSQL cluster (tests/server/postgres.ts, the
 * tests' own starter, imported through tsx; fsync on). Each connection cycles one POST of a valid
 * random guess (random question, random value 0–100 to a tenth) and three GETs of a random
 * question's summary. Afterwards the rows are counted in the database itself and compared with the
 * 201s autocannon saw.
 *
 * Gates (budgets.mjs, LOAD_BUDGET): no connection errors, no timeouts, no answer outside 2xx; every
 * acknowledged guess counted (rows ≥ 201s), and no more rows than 201s plus the requests that could
 * be in flight when autocannon stopped (one per connection: sent, stored, never answered to it).
 * Reported only: requests/s and latency, which a shared two-core machine (the service, its database
 * and autocannon on it together) flips from run to run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_BUDGET } from './budgets.mjs';
import { pad, padL } from './format.mjs';

/** The question ids of src/data/guesses.ts (through tsx: one list). */
async function questionIds() {
  const { tsImport } = await import('tsx/esm/api');
  const { GUESS_QUESTIONS } = await tsImport('../../src/data/guesses.ts', import.meta.url);
  return Object.keys(GUESS_QUESTIONS);
}

/** tests/server/postgres.ts's startPostgres, the one cluster starter of the tests and the bench. */
async function startPostgres() {
  const { tsImport } = await import('tsx/esm/api');
  const mod = await tsImport('../../tests/server/postgres.ts', import.meta.url);
  return mod.startPostgres();
}

/**
 * Starts the service with tests/service/service.ts, the tests' one starter (node with tsx's loader:
 * one process; a free port), rate limit off (unless `env` sets GUESS_RATE_LIMIT: rooms-load.mjs)
 * and no site, and resolves on its ready line with { origin, stop }. stop() sends SIGTERM (the service closes its database and exits 0) and resolves
 * with the exit code; the process never outlives the bench.
 */
async function startService(env) {
  const { tsImport } = await import('tsx/esm/api');
  const { startService: start } = await tsImport('../../tests/service/service.ts', import.meta.url);
  const service = await start({ GUESS_RATE_LIMIT: '0', DIST_DIR: '', ...env });
  const onExit = () => service.child.kill('SIGKILL');
  process.on('exit', onExit);
  const stop = async () => {
    await service.stop();
    process.off('exit', onExit);
    const { code, signal } = await service.exited;
    return signal ?? code;
  };
  return { origin: service.origin, stop, output: service.output };
}

/** autocannon for `seconds` on the service at origin: 1 POST : 3 GET per connection's cycle. */
async function cannon(origin, seconds, connections, ids) {
  const { default: autocannon } = await import('autocannon');
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const get = {
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: `/api/guesses/${pick()}` }),
  };
  return autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/guesses',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: pick(), value: Math.round(Math.random() * 1000) / 10 }) }),
      },
      get,
      get,
      get,
    ],
  });
}

/**
 * Runs a measurement on each backend in turn, against a fresh service on it: PGlite in a fresh
 * data folder, or a throwaway PostgreSQL cluster. `measure(origin)` gives the run's figures; after
 * the service has stopped (and closed its database), `afterStop(db)` may add more, read from the
 * database itself (`db`: { dir } for PGlite, { url } for PostgreSQL). Returns, per backend, the
 * figures with { backend, exitCode, load, seconds }, or { backend, error }.
 */
export async function onEachBackend({ backends, env = {}, measure, afterStop = async () => ({}) }) {
  const out = [];
  for (const backend of backends) {
    const t0 = performance.now();
    const cleanups = [];
    try {
      let db;
      if (backend === 'pglite') {
        const dir = mkdtempSync(join(tmpdir(), 'guess-bench-'));
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
        db = { dir, env: { GUESS_DATA_DIR: dir } };
      } else {
        const cluster = await startPostgres();
        cleanups.push(() => cluster.stop());
        db = { url: cluster.url, env: { DATABASE_URL: cluster.url } };
      }
      const service = await startService({ ...env, ...db.env });
      const load = loadavg()[0];
      let figures;
      let exitCode;
      try {
        figures = await measure(service.origin);
      } finally {
        exitCode = await service.stop();
      }
      out.push({ backend, ...figures, ...(await afterStop(db)), exitCode, load, seconds: (performance.now() - t0) / 1000 });
    } catch (err) {
      out.push({ backend, error: err });
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
    }
  }
  return out;
}

/** The rows of `guesses`, counted in the database itself once the service has closed it. */
async function countRows(db) {
  if (db.dir) {
    // PGlite is one process's database: opened here only once the service has let it go.
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create(db.dir);
    try {
      return (await pg.query('select count(*)::int as n from guesses')).rows[0].n;
    } finally {
      await pg.close();
    }
  }
  const { default: postgres } = await import('postgres');
  const sql = postgres(db.url, { max: 1 });
  try {
    return (await sql`select count(*)::int as n from guesses`)[0].n;
  } finally {
    await sql.end();
  }
}

/**
 * Runs the load on each backend in turn. Returns, per backend, { backend, result (autocannon's),
 * acked (201s), rows (counted in the database afterwards), exitCode, seconds } or { backend, error }.
 */
export async function runLoad({ seconds, connections = 10, backends = ['pglite', 'postgres'] }) {
  const ids = await questionIds();
  return onEachBackend({
    backends,
    measure: async (origin) => {
      const result = await cannon(origin, seconds, connections, ids);
      return { result, acked: result.statusCodeStats?.['201']?.count ?? 0, connections };
    },
    afterStop: async (db) => ({ rows: await countRows(db) }),
  });
}

/** Judges one backend's run against LOAD_BUDGET; returns the reasons it is over. */
export function judgeLoad({ result, acked, rows, exitCode, connections }) {
  const over = [];
  if (result.errors > LOAD_BUDGET.errors) over.push(`${result.errors} errors`);
  if (result.timeouts > LOAD_BUDGET.errors) over.push(`${result.timeouts} timeouts`);
  if (result.non2xx > LOAD_BUDGET.non2xx) {
    const codes = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
    over.push(`${result.non2xx} non-2xx (${codes.map(([code, { count }]) => `${code}: ${count}`).join(', ')})`);
  }
  if (acked - rows > LOAD_BUDGET.lost) over.push(`${acked - rows} acknowledged guesses not counted (${acked} 201s, ${rows} rows)`);
  if (rows > acked + connections) over.push(`${rows - acked} rows more than 201s, over the ${connections} that can be in flight at the end`);
  if (exitCode !== 0) over.push(`the service did not exit cleanly on SIGTERM (${exitCode})`);
  return over;
}

/** Prints the load table; returns true when every gate held. */
export function reportLoad(runs, { seconds }) {
  let ok = true;
  const first = runs.find((r) => r.result);
  console.log(
    `\nguess service under load: autocannon, ${seconds} s per backend, ${first?.connections ?? '?'} connections on loopback, ` +
      '1 POST (random question and value) : 3 GET (a random question\'s summary), rate limit off',
  );
  console.log(
    `${pad('backend', 10)}${padL('req/s', 8)}${padL('p50 ms', 8)}${padL('p97.5', 7)}${padL('p99', 6)}${padL('max', 7)}` +
      `${padL('requests', 10)}${padL('errors', 7)}${padL('non-2xx', 8)}${padL('201s', 7)}${padL('rows', 7)}  budget`,
  );
  for (const run of runs) {
    if (run.error) {
      ok = false;
      console.log(`${pad(run.backend, 10)}did not run: ${run.error?.stack ?? run.error}`);
      continue;
    }
    const { result: r, acked, rows } = run;
    const over = judgeLoad(run);
    if (over.length) ok = false;
    console.log(
      `${pad(run.backend, 10)}${padL(Math.round(r.requests.average), 8)}${padL(r.latency.p50, 8)}${padL(r.latency.p97_5, 7)}` +
        `${padL(r.latency.p99, 6)}${padL(r.latency.max, 7)}${padL(r.requests.total, 10)}${padL(r.errors + r.timeouts, 7)}` +
        `${padL(r.non2xx, 8)}${padL(acked, 7)}${padL(rows, 7)}  ${over.join('; ') || 'ok'}` +
        `  (load average ${run.load.toFixed(1)} on ${cpus().length} cores at the start)`,
    );
  }
  console.log(
    'gates: zero errors, timeouts and non-2xx; rows ≥ 201s (every acknowledged guess counted) and ≤ 201s + connections ' +
      '(requests in flight when autocannon stops). Reported only: req/s and latency.',
  );
  return ok;
}
