/**
 * A room's live state over Server-Sent Events. Each open stream gets, at once, an event `state`
 * with the room's whole state (as GET /api/rooms/{code} gives it), then a `state` event whenever
 * the state changes, a `:` comment line every heartbeat (15 s), and an event `closed` when the room
 * is closed or expires, after which the stream ends. State, never deltas: a client that reconnects
 * gets the full state again, so nothing is lost and nothing counted twice.
 *
 * Changes are found by one watcher per room in this process, alive only while the room has open
 * streams: it polls the database (every 500 ms) and is told at once of this process's own writes
 * (`changed`). Several processes behind one proxy each poll for their own streams. A watcher's
 * reads and sends run one at a time, in order, so a stream never sees an older state after a newer.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { Db } from './db';
import { roomState, type RoomState } from './rooms';

/** A comment line this often keeps a stream alive through proxies (nginx's read timeout is above it). */
export const HEARTBEAT_MS = 15_000;

export interface RoomEventsOptions {
  db: Db;
  now: () => Date;
  /** Open streams a room may have in this process (20). */
  maxStreams?: number;
  /** How often a watcher reads its room (500 ms). */
  pollMs?: number;
  /** How often a stream gets a comment line, so proxies and clients know it is alive (15 s). */
  heartbeatMs?: number;
}

interface Client {
  stream: SSEStreamingApi;
  /** The JSON of the last state sent; null before the first. */
  last: string | null;
  ready: boolean;
  /** This stream's writes, in order: a slow reader holds up only itself. */
  writing: Promise<unknown>;
  pending: number;
  /** `closed` is on its way: nothing more is sent. */
  closing: boolean;
  end: () => void;
}

/** Writes a stream may have waiting before it is ended (it reconnects and gets the whole state). */
const MAX_PENDING = 50;

interface Watcher {
  code: string;
  clients: Set<Client>;
  chain: Promise<void>;
  /** A refresh is queued and has not started: a change now will be seen by it. */
  queued: boolean;
  poll: ReturnType<typeof setInterval>;
  heartbeat: ReturnType<typeof setInterval>;
}

export interface RoomEvents {
  /** The SSE response for a room's stream, or null when the room already has its most streams. */
  open(c: Context, code: string): Response | null;
  /** This process changed the room: read and send its state now. */
  changed(code: string): void;
  /** The room was closed: its streams get `closed` and end. */
  closed(code: string): void;
  /** Streams open in this process, for one room or all. */
  count(code?: string): number;
  /** Ends every stream (without `closed`: the room lives on, a client reconnects elsewhere). */
  shutdown(): void;
}

export function roomEvents({ db, now, maxStreams = 20, pollMs = 500, heartbeatMs = HEARTBEAT_MS }: RoomEventsOptions): RoomEvents {
  const watchers = new Map<string, Watcher>();

  /** The last failure logged: a database that is down is said once, not at every poll. */
  let lastError = '';
  /** Runs `job` after every job queued before it, on this room; a failure is logged, never passed on. */
  const enqueue = (w: Watcher, job: () => Promise<void>) => {
    w.chain = w.chain.then(job).then(
      () => void (lastError = ''),
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (message !== lastError) console.error(`guess service: room events: ${message}`);
        lastError = message;
      },
    );
    return w.chain;
  };

  /** Queues a write on one stream, without waiting for it. */
  const deliver = (client: Client, write: (stream: SSEStreamingApi) => Promise<unknown>) => {
    if (client.pending >= MAX_PENDING) return client.end();
    client.pending++;
    client.writing = client.writing.then(() => write(client.stream)).finally(() => client.pending--);
  };

  const send = (client: Client, state: RoomState | null) => {
    if (client.closing) return;
    if (state === null) {
      client.closing = true;
      deliver(client, (s) => s.writeSSE({ event: 'closed', data: '{}' }));
      void client.writing.then(client.end, client.end);
      return;
    }
    const json = JSON.stringify(state);
    if (json === client.last) return;
    client.last = json;
    deliver(client, (s) => s.writeSSE({ event: 'state', data: json }));
  };

  const refresh = (w: Watcher) => {
    if (w.queued) return;
    w.queued = true;
    void enqueue(w, async () => {
      w.queued = false;
      if (!w.clients.size) return;
      const state = await roomState(db, w.code, now());
      for (const c of w.clients) if (c.ready) send(c, state);
    });
  };

  const drop = (w: Watcher, client: Client) => {
    w.clients.delete(client);
    if (w.clients.size || watchers.get(w.code) !== w) return;
    clearInterval(w.poll);
    clearInterval(w.heartbeat);
    watchers.delete(w.code);
  };

  const watcher = (code: string): Watcher => {
    let w = watchers.get(code);
    if (w) return w;
    const created: Watcher = {
      code,
      clients: new Set(),
      chain: Promise.resolve(),
      queued: false,
      poll: setInterval(() => refresh(created), pollMs),
      heartbeat: setInterval(() => {
        for (const c of created.clients) if (c.ready) deliver(c, (s) => s.write(': heartbeat\n\n'));
      }, heartbeatMs),
    };
    watchers.set(code, created);
    return created;
  };

  return {
    open(c, code) {
      const existing = watchers.get(code);
      if (existing && existing.clients.size >= maxStreams) return null;
      const w = watcher(code);
      c.header('X-Accel-Buffering', 'no');
      c.header('Cache-Control', 'no-store');
      return streamSSE(c, async (stream) => {
        let finish!: () => void;
        const ended = new Promise<void>((resolve) => (finish = resolve));
        const client: Client = { stream, last: null, ready: false, writing: Promise.resolve(), pending: 0, closing: false, end: () => finish() };
        w.clients.add(client);
        const abort = () => finish();
        stream.onAbort(abort);
        c.req.raw.signal?.addEventListener('abort', abort);
        // The first state, read after every read queued before: never older than what others were sent.
        void enqueue(w, async () => {
          if (stream.aborted || stream.closed) return;
          const state = await roomState(db, code, now());
          client.ready = true;
          send(client, state);
        });
        try {
          await ended;
        } finally {
          c.req.raw.signal?.removeEventListener('abort', abort);
          drop(w, client);
        }
      });
    },
    changed(code) {
      const w = watchers.get(code);
      if (w) refresh(w);
    },
    closed(code) {
      const w = watchers.get(code);
      if (!w) return;
      void enqueue(w, async () => {
        for (const c of w.clients) send(c, null);
      });
    },
    count(code) {
      if (code !== undefined) return watchers.get(code)?.clients.size ?? 0;
      let n = 0;
      for (const w of watchers.values()) n += w.clients.size;
      return n;
    },
    shutdown() {
      for (const w of [...watchers.values()]) for (const c of [...w.clients]) c.end();
    },
  };
}
