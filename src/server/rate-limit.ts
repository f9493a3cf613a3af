/**
 * A per-client request limit, held in memory only (never written, never logged): a fixed window
 * per key, `limit` requests per `windowMs`, starting at the key's first request. Memory stays
 * bounded: keys whose window has passed are dropped as they are met, and past `maxKeys` the oldest
 * window goes first.
 */
export interface RateLimiter {
  /** Counts one request for `key`: 0 when it may go ahead, else the whole seconds to wait (≥ 1). */
  hit(key: string): number;
  /** How many keys are held (for tests). */
  readonly size: number;
}

export interface RateLimitOptions {
  limit: number;
  windowMs?: number;
  maxKeys?: number;
  now?: () => number;
}

export function rateLimiter({ limit, windowMs = 60_000, maxKeys = 100_000, now = Date.now }: RateLimitOptions): RateLimiter {
  // Insertion order is window-start order: a key is re-inserted when its window starts again.
  const windows = new Map<string, { start: number; count: number }>();

  function prune(t: number) {
    for (const [key, w] of windows) {
      if (t - w.start < windowMs && windows.size <= maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    hit(key) {
      const t = now();
      prune(t);
      let w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        windows.delete(key);
        w = { start: t, count: 0 };
        windows.set(key, w);
        prune(t);
      }
      if (w.count >= limit) return Math.max(1, Math.ceil((w.start + windowMs - t) / 1000));
      w.count += 1;
      return 0;
    },
    get size() {
      return windows.size;
    },
  };
}
