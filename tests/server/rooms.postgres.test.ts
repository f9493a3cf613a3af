/**
 * The class-mode suite (rooms-suite.ts) against a real PostgreSQL server: one throwaway cluster
 * (tests/server/postgres.ts) for the file, a fresh database in it per open(). And what only a
 * server with concurrent transactions can show: the 200-device cap holds when two new devices
 * answer at the same moment.
 */
import postgres from 'postgres';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { openDb } from '../../src/server/db.ts';
import { answer, createRoom, deviceHash, setQuestion } from '../../src/server/rooms.ts';
import { roomsSuite } from './rooms-suite.ts';
import { createDatabase, startPostgres, type PostgresCluster } from './postgres.ts';

let cluster: Promise<PostgresCluster> | undefined;
let databases = 0;

afterAll(async () => {
  if (cluster) await (await cluster).stop();
});

/** A fresh, empty database in the file's cluster, owned by the test role: its URL. */
async function freshDatabase(): Promise<string> {
  return createDatabase(await (cluster ??= startPostgres()), `rooms_${++databases}`);
}

roomsSuite('postgres', async () => {
  const db = await openDb({ url: await freshDatabase() });
  expect(db.kind).toBe('postgres');
  return db;
});

describe('postgres: the 200-device cap under concurrent transactions', () => {
  test("a new device answering while another's answer (the 200th) is uncommitted waits for it, then is refused", async () => {
    const url = await freshDatabase();
    const db = await openDb({ url });
    const first = postgres(url, { max: 1, onnotice: () => {} });
    const second = postgres(url, { max: 1, onnotice: () => {} });
    let release = () => {};
    try {
      const now = new Date();
      const { code } = await createRoom(db, now);
      await setQuestion(db, code, 'burnout-share', now);
      for (let i = 0; i < 199; i++) expect(await answer(db, code, `device-number-${String(i).padStart(4, '0')}`, 'burnout-share', 50, now)).toBe('ok');

      const held = new Promise<void>((ok) => (release = ok));
      let inside!: () => void;
      const locked = new Promise<void>((ok) => (inside = ok));
      const call = (sql: postgres.Sql | postgres.TransactionSql, device: string) =>
        sql`select room_answer(${code}, ${deviceHash(code, device)}, 'burnout-share', 50, ${now}, 200) as outcome`;

      // The 200th device, in a transaction that stays open until released.
      const tx = first.begin(async (t) => {
        const [row] = await call(t, 'device-number-0199');
        inside();
        await held;
        return row!.outcome as string;
      });
      await locked;
      // The 201st, at the same moment: it must wait for the room's lock, not count 199 and go in.
      let settled = false;
      const late = call(second, 'device-number-0200').then((rows) => {
        settled = true;
        return rows[0]!.outcome as string;
      });
      // Wait until it is blocked on the room's row (a state, read from PostgreSQL), not for a while.
      await vi.waitFor(
        async () => {
          const [waiting] = await db.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          expect(waiting!.n).toBe(1);
        },
        { timeout: 10_000, interval: 20 },
      );
      expect(settled).toBe(false);
      release();
      expect(await tx).toBe('ok');
      expect(await late).toBe('full');
      const [row] = await db.query<{ n: number }>('select count(distinct device)::int as n from room_answers where code = $1', [code]);
      expect(row!.n).toBe(200);
    } finally {
      release(); // a failed expectation must not leave the transaction open
      await first.end();
      await second.end();
      await db.close();
    }
  });
});
