/**
 * The guesses' database: PostgreSQL, either embedded (PGlite, Postgres compiled to WebAssembly,
 * files under a data folder) or a real server through `postgres` when a URL is given. Both run the
 * same SQL: the plain files of migrations/, applied in name order at start and recorded in
 * schema_migrations, under an advisory lock so that processes starting together migrate once.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  kind: 'pglite' | 'postgres';
}

export interface DbOptions {
  /** A PostgreSQL connection URL (DATABASE_URL): a real server. */
  url?: string;
  /** PGlite's data folder when there is no URL; `memory://` keeps nothing on disk. */
  dataDir?: string;
}

export const DEFAULT_DATA_DIR = '.data/guesses';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The migration files, in the order they apply: `001_name.sql`, `002_…`. */
export function migrations(dir = MIGRATIONS): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** One key for every process that migrates this schema (any fixed 64-bit number would do). */
const LOCK_KEY = 7_346_122_022;

/** What migrating needs inside one transaction: a parameterised query and a multi-statement script. */
interface Tx {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
}

async function migrate(tx: Tx): Promise<void> {
  // The lock first: two processes creating schema_migrations at once would collide.
  await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
  await tx.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
  const done = new Set((await tx.query('select name from schema_migrations')).map((r) => String(r.name)));
  for (const m of migrations()) {
    if (done.has(m.name)) continue;
    await tx.exec(m.sql);
    await tx.query('insert into schema_migrations (name, applied_at) values ($1, now())', [m.name]);
  }
}

async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  try {
    await pg.transaction(async (t) => {
      await migrate({
        query: async (sql, params) => (await t.query<Record<string, unknown>>(sql, params)).rows,
        exec: async (sql) => void (await t.exec(sql)),
      });
    });
  } catch (e) {
    await pg.close();
    throw e;
  }
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => (await pg.query<T>(sql, params)).rows,
    close: () => (pg.closed ? Promise.resolve() : pg.close()),
  };
}

async function openPostgres(url: string): Promise<Db> {
  const sql = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.begin(async (t) => {
      await migrate({
        query: async (text, params) => [...(await t.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[]))],
        exec: async (text) => void (await t.unsafe(text, [], { prepare: false })),
      });
    });
  } catch (e) {
    await sql.end({ timeout: 1 });
    throw e;
  }
  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: unknown[]) =>
      [...(await sql.unsafe(text, (params ?? []) as postgres.ParameterOrJSON<never>[]))] as T[],
    close: () => sql.end({ timeout: 5 }),
  };
}

/** Opens the database and brings its schema up to date before resolving. */
export async function openDb(opts: DbOptions = {}): Promise<Db> {
  return opts.url ? openPostgres(opts.url) : openPglite(opts.dataDir ?? DEFAULT_DATA_DIR);
}
