import { describe, expect, it } from 'vitest';
import { rateLimiter } from '../../src/server/rate-limit';

describe('rateLimiter', () => {
  const clock = (start = 1_000_000) => {
    const c = { t: start, now: () => c.t };
    return c;
  };

  it('lets `limit` requests through per window, then says how many seconds to wait', () => {
    const c = clock();
    const rl = rateLimiter({ limit: 3, windowMs: 60_000, now: c.now });
    expect([rl.hit('a'), rl.hit('a'), rl.hit('a')]).toEqual([0, 0, 0]);
    expect(rl.hit('a')).toBe(60);
    c.t += 59_000;
    expect(rl.hit('a')).toBe(1);
    c.t += 500;
    expect(rl.hit('a')).toBe(1); // never 0 while refused
    c.t += 500; // the window has passed
    expect(rl.hit('a')).toBe(0);
  });

  it('keeps addresses apart', () => {
    const c = clock();
    const rl = rateLimiter({ limit: 1, now: c.now });
    expect(rl.hit('a')).toBe(0);
    expect(rl.hit('a')).toBeGreaterThan(0);
    expect(rl.hit('b')).toBe(0);
  });

  it('a refused request does not lengthen the wait', () => {
    const c = clock();
    const rl = rateLimiter({ limit: 1, windowMs: 10_000, now: c.now });
    rl.hit('a');
    for (let i = 0; i < 5; i++) {
      c.t += 1_000;
      expect(rl.hit('a')).toBe(10 - (i + 1));
    }
    c.t += 5_000;
    expect(rl.hit('a')).toBe(0);
  });

  it('forgets addresses whose window has passed', () => {
    const c = clock();
    const rl = rateLimiter({ limit: 5, windowMs: 1_000, now: c.now });
    for (let i = 0; i < 1000; i++) rl.hit(`10.0.${i >> 8}.${i & 255}`);
    expect(rl.size).toBe(1000);
    c.t += 1_000;
    rl.hit('192.0.2.1');
    expect(rl.size).toBe(1);
  });

  it('holds at most maxKeys addresses, dropping the oldest first', () => {
    const c = clock();
    const rl = rateLimiter({ limit: 1, maxKeys: 100, now: c.now });
    for (let i = 0; i < 1000; i++) {
      c.t += 1;
      rl.hit(`k${i}`);
      expect(rl.size).toBeLessThanOrEqual(100);
    }
    expect(rl.hit('k999')).toBeGreaterThan(0); // the newest is still held
    expect(rl.hit('k0')).toBe(0); // the oldest was dropped: a fresh window
  });
});
