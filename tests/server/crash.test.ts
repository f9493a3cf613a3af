/**
 * Faults: the real service (src/server/main.ts, as `npm run serve` runs it) under concurrent guesses,
 * killed with SIGKILL mid-write, restarted on the same database: every guess that got a 201 must
 * still be there, by value. Against a PostgreSQL server (DATABASE_URL, a throwaway cluster with fsync
 * on) and against the embedded default (PGlite under GUESS_DATA_DIR).
 *
 * Each guess carries a value no other guess of the run has (i / 1000), so the check is by value,
 * not by count: a lost row and an extra row cannot cancel out. Guesses sent but not acknowledged
 * (in flight at the kill) may or may not have landed; either is fine, and they are counted apart.
 * Rows that were never sent must not exist. The kill comes once ACK_TARGET guesses were acknowledged
 * (a count of writes, not a timer), with CONCURRENCY requests in flight.
 *
 * What this proves and what it does not: SIGKILL ends the process, not the machine, so whatever the
 * process handed to the kernel survives it. PostgreSQL (fsync on) also flushes its WAL to disk before
 * a commit returns. PGlite 0.5 on Node does not: its file system layer (Emscripten's NODEFS) writes
 * with writeSync and has no fsync, and the service on PGlite makes no fsync or fdatasync call at all
 * (strace, 20 acknowledged guesses and a clean stop), so a power cut or a kernel crash, unlike this
 * test's kill, can lose guesses PGlite acknowledged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { GUESS_QUESTIONS } from '../../src/data/guesses.ts';
import { startPostgres } from './postgres.ts';
import { startService as start, type Service } from '../service/service.ts';

const CONCURRENCY = 8;
/** Acknowledged guesses before the kill: 2–3 s of load on this shared two-core machine, either backend. */
const ACK_TARGET = Number(process.env.CRASH_ACK_TARGET || 1000);
const QUESTIONS = Object.keys(GUESS_QUESTIONS);

const running = new Set<Service>();
/** The service with no rate limit and no site, killed after the test if it is still running. */
async function startService(env: Record<string, string>): Promise<Service> {
  const service = await start({ GUESS_RATE_LIMIT: '0', DIST_DIR: '', ...env });
  running.add(service);
  void service.exited.then(() => running.delete(service));
  return service;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const service of running) await service.kill();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Load {
  sent: Set<number>;
  acked: Set<number>;
  /** Responses that were not 201, by status, before the kill. */
  otherStatus: Map<number, number>;
  /** Requests that got no response (in flight at the kill). */
  noResponse: number;
  seconds: number;
}

/**
 * CONCURRENCY workers post unique values until ACK_TARGET are acknowledged, then SIGKILL the
 * service while their requests are in flight, and wait for every worker to see its request end.
 */
async function loadThenKill(service: Service): Promise<Load> {
  const load: Load = { sent: new Set(), acked: new Set(), otherStatus: new Map(), noResponse: 0, seconds: 0 };
  let next = 1;
  let killed = false;
  const t0 = performance.now();
  let reachTarget!: () => void;
  const target = new Promise<void>((r) => (reachTarget = r));
  const worker = async () => {
    while (!killed) {
      const i = next++;
      const value = i / 1000; // unique in the run, 0 < value ≤ 100
      if (value > 100) throw new Error('ran out of unique values before the target');
      const question = QUESTIONS[i % QUESTIONS.length]!;
      load.sent.add(value);
      let res: Response;
      let body: { question?: string; value?: number };
      try {
        res = await fetch(`${service.origin}/api/guesses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question, value }),
        });
        body = (await res.json()) as typeof body;
      } catch {
        load.noResponse++;
        if (!killed) await new Promise((r) => setTimeout(r, 10)); // died by itself: loadThenKill says so
        continue;
      }
      if (res.status === 201) {
        expect(body).toEqual({ question, value });
        load.acked.add(value);
        if (load.acked.size >= ACK_TARGET) reachTarget();
      } else {
        load.otherStatus.set(res.status, (load.otherStatus.get(res.status) ?? 0) + 1);
      }
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, worker);
  const died = service.exited.then(() => {
    throw new Error(`the service died under load before the kill (${load.acked.size} acknowledged):\n${service.output()}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`only ${load.acked.size} of ${ACK_TARGET} guesses acknowledged in 60 s`)), 60_000);
  });
  await Promise.race([target, died, deadline]).finally(() => clearTimeout(timer));
  killed = true;
  service.child.kill('SIGKILL');
  load.seconds = (performance.now() - t0) / 1000;
  const { signal } = await service.exited.catch(() => ({ signal: null }));
  expect(signal).toBe('SIGKILL');
  await Promise.all(workers);
  return load;
}

/** The summary counts the restarted service reports, over every question. */
async function countThroughApi(origin: string) {
  let total = 0;
  for (const q of QUESTIONS) {
    const res = await fetch(`${origin}/api/guesses/${q}`);
    expect(res.status).toBe(200);
    total += ((await res.json()) as { count: number }).count;
  }
  return total;
}

/** Compares the stored values with what was sent and acknowledged; logs the figures; asserts none lost. */
function judge(backend: string, load: Load, stored: number[], restartMs: number, apiCount: number) {
  const present = new Set(stored);
  const lost = [...load.acked].filter((v) => !present.has(v));
  const neverSent = stored.filter((v) => !load.sent.has(v));
  const landedUnacked = stored.filter((v) => load.sent.has(v) && !load.acked.has(v)).length;
  const sentUnacked = load.sent.size - load.acked.size;
  console.log(
    `crash ${backend}: ${load.acked.size} acknowledged in ${load.seconds.toFixed(2)} s ` +
      `(${Math.round(load.acked.size / load.seconds)}/s, ${CONCURRENCY} in flight), SIGKILL; ` +
      `lost ${lost.length}; sent but not acknowledged ${sentUnacked}, of which landed ${landedUnacked}; ` +
      `rows ${stored.length}; restart to ready ${Math.round(restartMs)} ms` +
      (load.otherStatus.size ? `; other statuses ${JSON.stringify(Object.fromEntries(load.otherStatus))}` : ''),
  );
  expect(load.otherStatus.size, 'every answered guess before the kill was a 201').toBe(0);
  expect(stored.length, 'no value stored twice').toBe(present.size);
  expect(neverSent, 'rows nobody sent').toEqual([]);
  expect(lost.length, `acknowledged guesses lost after SIGKILL (first: ${lost.slice(0, 10).join(', ')})`).toBe(0);
  expect(apiCount, 'the restarted service counts every row').toBe(stored.length);
}

describe('SIGKILL mid-write, then a restart on the same database', () => {
  it('PostgreSQL server (DATABASE_URL): every acknowledged guess is still there', async () => {
    const cluster = await startPostgres();
    cleanups.push(() => cluster.stop());
    const env = { DATABASE_URL: cluster.url };
    const load = await loadThenKill(await startService(env));
    const again = await startService(env);
    const apiCount = await countThroughApi(again.origin);
    const sql = postgres(cluster.url, { max: 1 });
    try {
      const rows = await sql<{ value: number }[]>`select value from guesses`;
      judge('postgres', load, rows.map((r) => r.value), again.startMs, apiCount);
    } finally {
      await sql.end();
    }
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });

  it('PGlite (GUESS_DATA_DIR, the embedded default): every acknowledged guess is still there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guess-pglite-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { GUESS_DATA_DIR: dir };
    const load = await loadThenKill(await startService(env));
    const again = await startService(env);
    const apiCount = await countThroughApi(again.origin);
    // PGlite is one process's database: read its files once the service has let go of them.
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
    const db = await PGlite.create(dir);
    try {
      const { rows } = await db.query<{ value: number }>('select value from guesses');
      judge('pglite', load, rows.map((r) => r.value), again.startMs, apiCount);
    } finally {
      await db.close();
    }
  });
});
