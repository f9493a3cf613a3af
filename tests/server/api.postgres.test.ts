/**
 * The API suite (tests/server/api-suite.ts) against a real PostgreSQL server: one throwaway cluster
 * (tests/server/postgres.ts) for the file, and a fresh database in it for every open(), so each Db
 * the suite opens starts empty, as a PGlite `memory://` one does.
 */
import postgres from 'postgres';
import { afterAll, expect } from 'vitest';
import { openDb } from '../../src/server/db.ts';
import { apiSuite } from './api-suite.ts';
import { startPostgres, type PostgresCluster } from './postgres.ts';

let cluster: Promise<PostgresCluster> | undefined;
let databases = 0;

afterAll(async () => {
  if (cluster) await (await cluster).stop();
});

apiSuite('postgres', async () => {
  const { superuserUrl, url } = await (cluster ??= startPostgres());
  const name = `guesses_${++databases}`;
  const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} owner guess`);
  } finally {
    await admin.end();
  }
  const db = await openDb({ url: url.replace(/\/guesses$/, `/${name}`) });
  expect(db.kind).toBe('postgres');
  return db;
});
