/**
 * The class-mode suite (rooms-suite.ts) on PGlite in memory, and the service process with a
 * room's event stream open: SIGTERM ends the stream and the process exits cleanly.
 */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db';
import { startService } from '../service/service';
import { roomsSuite } from './rooms-suite';

roomsSuite('PGlite', () => openDb({ dataDir: 'memory://' }));

describe('the service process (src/server/main.ts)', () => {
  it('on SIGTERM with an event stream open: the stream ends and the process exits 0, promptly', async () => {
    const service = await startService({ DIST_DIR: '' });
    try {
      const created = await fetch(`${service.origin}/api/rooms`, { method: 'POST' });
      expect(created.status).toBe(201);
      const { code } = (await created.json()) as { code: string };
      const res = await fetch(`${service.origin}/api/rooms/${code}/events`);
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toMatch(/^event: state\ndata: \{"code":"/);
      const t0 = performance.now();
      service.child.kill('SIGTERM');
      // The stream ends (not cut by a reset) and the process exits well before the 10 s force.
      for (;;) if ((await reader.read()).done) break;
      expect(await service.exited).toEqual({ code: 0, signal: null });
      expect(performance.now() - t0).toBeLessThan(5000);
    } finally {
      await service.stop();
    }
  });
});
