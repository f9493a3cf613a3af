/**
 * A room, live: the service's event stream (GET {api}rooms/{code}/events, Server-Sent Events), which
 * sends the whole state at once and again on every change, so a reconnect can neither lose nor
 * double-count an answer. On an error the stream is opened again after a second; after three
 * failures in a row (or with no EventSource at all) the page polls GET {api}rooms/{code} every 3 s
 * instead. Also the small fetch helpers both pages use. No cookies, no referrer.
 */
import { parseRoomState, type RoomState } from './room';

export const POLL_MS = 3000;
export const RETRY_MS = 1000;
export const FAILURES_BEFORE_POLLING = 3;

const INIT: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' };

export interface Answer<T = unknown> {
  status: number;
  body: T | null;
}

/** One request to the service, JSON both ways; a network failure is status 0. */
export async function call<T = unknown>(url: string, method = 'GET', body?: unknown, key?: string): Promise<Answer<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers.Authorization = `Bearer ${key}`;
  try {
    const res = await fetch(url, { ...INIT, method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: T | null = null;
    try {
      parsed = text ? (JSON.parse(text) as T) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: 0, body: null };
  }
}

export const roomUrl = (api: string, code: string): string => `${api}rooms/${encodeURIComponent(code)}`;

export interface Watch {
  /** Every state, as it arrives (the first at once). */
  state: (room: RoomState) => void;
  /** The room is closed, expired or unknown: nothing more will come. */
  gone: () => void;
  /** How the page is listening now, for tests and the quiet status line. */
  mode?: (how: 'events' | 'polling') => void;
}

/** Listens to a room until `stop()`; gives each state and, once, the room's end. */
export function watchRoom(api: string, code: string, on: Watch): { stop: () => void } {
  let stopped = false;
  let source: EventSource | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const give = (data: string) => {
    try {
      on.state(parseRoomState(JSON.parse(data)));
    } catch {
      // A malformed event is dropped; the next state replaces it.
    }
  };
  const end = () => {
    if (stopped) return;
    stop();
    on.gone();
  };

  const poll = async () => {
    if (stopped) return;
    const res = await call(roomUrl(api, code));
    if (stopped) return;
    if (res.status === 404) return end();
    if (res.status === 200) give(JSON.stringify(res.body));
    timer = setTimeout(() => void poll(), POLL_MS);
  };
  const startPolling = () => {
    on.mode?.('polling');
    void poll();
  };

  const open = () => {
    if (stopped) return;
    let es: EventSource;
    try {
      es = new EventSource(`${roomUrl(api, code)}/events`);
    } catch {
      return startPolling();
    }
    source = es;
    es.addEventListener('open', () => {
      failures = 0;
      on.mode?.('events');
    });
    es.addEventListener('state', (e) => {
      failures = 0;
      give((e as MessageEvent<string>).data);
    });
    es.addEventListener('closed', end);
    es.addEventListener('error', () => {
      // Reconnect on our own clock, the same in every engine; after three failures in a row, poll.
      es.close();
      if (source === es) source = null;
      if (stopped) return;
      failures++;
      if (failures >= FAILURES_BEFORE_POLLING) startPolling();
      else timer = setTimeout(open, RETRY_MS);
    });
  };

  function stop() {
    stopped = true;
    clearTimeout(timer);
    source?.close();
    source = null;
  }

  if (typeof EventSource === 'function') open();
  else startPolling();
  return { stop };
}

/** How this site's readers guessed a question (GET {api}guesses/{question}): the count, and 20 bins and the median from 20 guesses on. */
export interface Readers {
  count: number;
  bins: number[] | null;
  median: number | null;
}

/** The readers' summary, or null when it cannot be had or read. */
export async function readersOf(api: string, question: string): Promise<Readers | null> {
  const res = await call<{ count?: unknown; bins?: unknown; median?: unknown }>(`${api}guesses/${encodeURIComponent(question)}`);
  const b = res.body;
  if (res.status !== 200 || !b || typeof b.count !== 'number') return null;
  const bins = Array.isArray(b.bins) && b.bins.length === 20 ? b.bins.map((x: { count?: unknown }) => (typeof x?.count === 'number' ? x.count : 0)) : null;
  return { count: b.count, bins, median: bins && typeof b.median === 'number' ? b.median : null };
}
