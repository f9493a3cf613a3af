/**
 * The API suite (tests/server/api-suite.ts) against a real PostgreSQL server: one throwaway cluster
 * (tests/server/postgres.ts) for the file, and a fresh database in it for every open(), so each Db
 * the suite opens starts empty, as a PGlite `memory://` one does.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { migrations, openDb } from '../../src/server/db.ts';
import { apiSuite } from './api-suite.ts';
import { createDatabase, startPostgres, type PostgresCluster } from './postgres.ts';

let cluster: Promise<PostgresCluster> | undefined;
let databases = 0;

afterAll(async () => {
  if (cluster) await (await cluster).stop();
});

/** A fresh, empty database in the file's cluster, owned by the test role: its URL. */
async function freshDatabase(): Promise<string> {
  return createDatabase(await (cluster ??= startPostgres()), `guesses_${++databases}`);
}

apiSuite('postgres', async () => {
  const db = await openDb({ url: await freshDatabase() });
  expect(db.kind).toBe('postgres');
  return db;
});

describe('postgres: migrations', () => {
  test('six processes starting at once on one empty database migrate it once, and none fails', async () => {
    const url = await freshDatabase();
    const dbs = await Promise.all(Array.from({ length: 6 }, () => openDb({ url })));
    try {
      const applied = await dbs[0]!.query<{ name: string }>('select name from schema_migrations order by name');
      expect(applied.map((r) => r.name)).toEqual(migrations().map((m) => m.name));
      // The table exists once and every process can use it.
      for (const db of dbs) await db.query("insert into guesses (question, value) values ('trust-top', 1)");
      expect((await dbs[5]!.query<{ n: number }>('select count(*)::int as n from guesses'))[0]!.n).toBe(6);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});
