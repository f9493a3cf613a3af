/**
 * Class mode under load: one room on the guess service (src/server/main.ts, started by the tests'
 * own starter as load.mjs does), 5 projector streams open on its events (plain fetch reading the
 * text/event-stream), and 200 students, each with its own device id, who join (GET the room's
 * state) and answer once, spread evenly over 10 s with at most 20 requests in flight, all from one
 * address (loopback) with the default limits on: a class behind one school address is the case the
 * limits must let through. On each backend in turn: PGlite in a fresh data folder, then a
 * throwaway PostgreSQL cluster (tests/server/postgres.ts).
 *
 * Gates (budgets.mjs, ROOMS_LOAD_BUDGET): no request failed or answered other than expected (200
 * for the joins, 201 for the answers); every answer counted: GET state says 200 answers and 200
 * students, and the last state event of each of the 5 streams says 200; the service exits cleanly.
 * Reported only: the answers' p50/p99/max latency, and how long after the 200th answer's 201 all
 * 5 streams showed 200.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { ROOMS_LOAD_BUDGET } from './budgets.mjs';
import { pad, padL } from './format.mjs';
import { onEachBackend } from './load.mjs';

/** The public limit main.ts applies by default (30 guesses a minute per address), named explicitly. */
async function defaultPerMinute() {
  const { tsImport } = await import('tsx/esm/api');
  const { GUESSES_PER_MINUTE } = await tsImport('../../src/lib/crowd-rules.ts', import.meta.url);
  return String(GUESSES_PER_MINUTE);
}

/**
 * Reads a text/event-stream response in the background: `last` is the last `state` event's state;
 * `onState` is called with each.
 */
function watch(res, onState) {
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const out = { last: null, events: 0, closed: false, error: null };
  out.done = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (event === 'state') {
            out.events++;
            out.last = JSON.parse(data);
            onState(out.last);
          } else if (event === 'closed') out.closed = true;
        }
      }
    } catch (err) {
      if (err?.name !== 'AbortError') out.error = err;
    }
  })();
  out.cancel = () => reader.cancel().catch(() => {});
  return out;
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** One run on a started service: the room, the streams, the students; the figures and the problems. */
async function classLoad(origin, { students, streams, seconds, inFlight, question }) {
  const problems = [];
  const json = { 'content-type': 'application/json' };
  const created = await fetch(`${origin}/api/rooms`, { method: 'POST', headers: json, body: '{}' });
  if (created.status !== 201) throw new Error(`POST /api/rooms answered ${created.status}: ${await created.text()}`);
  const { code, key } = await created.json();
  const teacher = { authorization: `Bearer ${key}` };
  const asked = await fetch(`${origin}/api/rooms/${code}/question`, { method: 'PUT', headers: { ...json, ...teacher }, body: JSON.stringify({ question }) });
  if (asked.status !== 200) throw new Error(`PUT question answered ${asked.status}: ${await asked.text()}`);

  // The projectors.
  let lastAck = null;
  const sawAll = new Array(streams).fill(null);
  const aborts = [];
  const watchers = [];
  for (let i = 0; i < streams; i++) {
    const abort = new AbortController();
    aborts.push(abort);
    const res = await fetch(`${origin}/api/rooms/${code}/events`, { signal: abort.signal });
    if (res.status !== 200) throw new Error(`events stream ${i + 1} answered ${res.status}: ${await res.text()}`);
    watchers.push(
      watch(res, (state) => {
        if (state.answers >= students && sawAll[i] === null) sawAll[i] = performance.now();
      }),
    );
  }

  // The students: student i starts at i × (seconds / students), at most `inFlight` requests at once.
  const latencies = [];
  const failures = new Map();
  const fail = (what) => failures.set(what, (failures.get(what) ?? 0) + 1);
  let active = 0;
  const queue = [];
  const slot = async () => {
    if (active < inFlight) return void active++;
    await new Promise((ok) => queue.push(ok));
  };
  const free = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  const spacing = (seconds * 1000) / students;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: students }, async (_, i) => {
      await new Promise((ok) => setTimeout(ok, i * spacing));
      const device = randomBytes(16).toString('base64url');
      await slot();
      try {
        const join = await fetch(`${origin}/api/rooms/${code}`);
        await join.arrayBuffer();
        if (join.status !== 200) return fail(`join ${join.status}`);
      } catch (err) {
        return fail(`join ${err?.cause?.code ?? err?.message}`);
      } finally {
        free();
      }
      await slot();
      const start = performance.now();
      try {
        const res = await fetch(`${origin}/api/rooms/${code}/answers`, { method: 'POST', headers: json, body: JSON.stringify({ device, question, value: Math.round(Math.random() * 1000) / 10 }) });
        const body = await res.text();
        if (res.status !== 201) return fail(`answer ${res.status} ${body.slice(0, 80)}`);
        latencies.push(performance.now() - start);
        lastAck = Math.max(lastAck ?? 0, performance.now());
      } catch (err) {
        fail(`answer ${err?.cause?.code ?? err?.message}`);
      } finally {
        free();
      }
    }),
  );
  const sendSeconds = (performance.now() - t0) / 1000;

  // Every answer counted: the state, then each stream's last event (waiting up to 10 s for them).
  const state = await (await fetch(`${origin}/api/rooms/${code}`)).json();
  const deadline = performance.now() + 10_000;
  while (sawAll.some((t) => t === null) && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
  const lastSeen = watchers.map((w) => w.last?.answers ?? null);
  const streamErrors = watchers.filter((w) => w.error).map((w) => String(w.error?.message ?? w.error));
  for (const abort of aborts) abort.abort();
  for (const w of watchers) w.cancel();
  await Promise.all(watchers.map((w) => w.done));
  const closed = await fetch(`${origin}/api/rooms/${code}`, { method: 'DELETE', headers: teacher });
  if (closed.status !== 204) problems.push(`DELETE answered ${closed.status}`);

  const sorted = [...latencies].sort((a, b) => a - b);
  const allSaw = sawAll.every((t) => t !== null) ? Math.max(...sawAll) : null;
  return {
    problems,
    failures,
    answered: latencies.length,
    state: { answers: state.answers, students: state.students },
    lastSeen,
    streamErrors,
    sendSeconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    /** ms from the 200th answer's 201 until the last of the streams showed 200. */
    streamsAfter: allSaw !== null && lastAck !== null ? Math.max(0, allSaw - lastAck) : null,
    streamsFromStart: allSaw !== null ? allSaw - t0 : null,
  };
}

/**
 * Runs the class load on each backend in turn. Returns, per backend, the run's figures with
 * { backend, exitCode, load, seconds } or { backend, error }.
 */
export async function runRoomsLoad({ students = 200, streams = 5, seconds = 10, inFlight = 20, backends = ['pglite', 'postgres'] } = {}) {
  return onEachBackend({
    backends,
    // The default limits, on (load.mjs turns the public one off; here nothing is turned off).
    env: { GUESS_RATE_LIMIT: await defaultPerMinute() },
    measure: async (origin) => ({
      ...(await classLoad(origin, { students, streams, seconds, inFlight, question: 'burnout-share' })),
      students,
      streams,
      inFlight,
      spread: seconds,
    }),
  });
}

/** Judges one backend's run against ROOMS_LOAD_BUDGET; returns the reasons it is over. */
export function judgeRoomsLoad(run) {
  const over = [...run.problems];
  const failed = [...run.failures.values()].reduce((a, b) => a + b, 0);
  if (failed > ROOMS_LOAD_BUDGET.errors) over.push(`${failed} failed requests (${[...run.failures].map(([what, n]) => `${what}: ${n}`).join(', ')})`);
  if (run.streamErrors.length > ROOMS_LOAD_BUDGET.errors) over.push(`stream errors: ${run.streamErrors.join('; ')}`);
  const lost = run.students - run.state.answers;
  if (lost > ROOMS_LOAD_BUDGET.lost || run.state.answers !== run.students) over.push(`GET state counts ${run.state.answers} answers, not ${run.students}`);
  if (run.state.students !== run.students) over.push(`GET state counts ${run.state.students} students, not ${run.students}`);
  const short = run.lastSeen.filter((n) => n !== run.students);
  if (short.length) over.push(`${short.length} of ${run.streams} streams' last state shows ${short.join('/')}, not ${run.students}`);
  if (run.exitCode !== 0) over.push(`the service did not exit cleanly on SIGTERM (${run.exitCode})`);
  return over;
}

/** Prints the class-load table; returns true when every gate held. */
export function reportRoomsLoad(runs) {
  let ok = true;
  const first = runs.find((r) => !r.error);
  console.log(
    `\nclass mode under load: one room, ${first?.streams ?? 5} event streams open, ${first?.students ?? 200} students (a device id each) joining and answering once, ` +
      `spread over ${first?.spread ?? 10} s, at most ${first?.inFlight ?? 20} requests in flight, all from one address, default limits on`,
  );
  const fmt = (ms) => (Number.isFinite(ms) ? Math.round(ms) : '–');
  console.log(
    `${pad('backend', 10)}${padL('answered', 9)}${padL('state', 7)}${padL('streams saw', 13)}${padL('errors', 7)}` +
      `${padL('p50 ms', 8)}${padL('p99', 6)}${padL('max', 6)}${padL('send s', 8)}${padL('streams caught up, ms', 26)}  budget`,
  );
  for (const run of runs) {
    if (run.error) {
      ok = false;
      console.log(`${pad(run.backend, 10)}did not run: ${run.error?.stack ?? run.error}`);
      continue;
    }
    const over = judgeRoomsLoad(run);
    if (over.length) ok = false;
    const failed = [...run.failures.values()].reduce((a, b) => a + b, 0) + run.streamErrors.length;
    console.log(
      `${pad(run.backend, 10)}${padL(run.answered, 9)}${padL(run.state.answers, 7)}${padL(new Set(run.lastSeen).size === 1 ? `${run.lastSeen.length}×${run.lastSeen[0] ?? '–'}` : run.lastSeen.map((n) => n ?? '–').join('/'), 13)}${padL(failed, 7)}` +
        `${padL(fmt(run.p50), 8)}${padL(fmt(run.p99), 6)}${padL(fmt(run.max), 6)}${padL(run.sendSeconds.toFixed(1), 8)}` +
        `${padL(run.streamsAfter === null ? 'never' : `${fmt(run.streamsAfter)} (${fmt(run.streamsFromStart)} from start)`, 26)}  ${over.join('; ') || 'ok'}` +
        `  (load average ${run.load.toFixed(1)} on ${cpus().length} cores at the start)`,
    );
  }
  console.log(
    "gates: no failed request; GET state and every stream's last event count every answer; a clean exit. " +
      'Reported only: answer latency, and how long after the last answer all streams showed it.',
  );
  return ok;
}
