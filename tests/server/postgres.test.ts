/**
 * The throwaway PostgreSQL cluster the server tests and the load bench run on (tests/server/postgres.ts):
 * never as root, loopback only, fsync on, a non-superuser role owning the database, and nothing left
 * behind by stop(). Missing binaries fail, never skip.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPgBin, startPostgres, type PostgresCluster } from './postgres.ts';

/** The real uid of a running process, from /proc. */
const uidOf = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)![1]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startPostgres', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(() => cluster?.stop());

  it('runs the server as an unprivileged user, never root', async () => {
    const uid = process.getuid!();
    const expected = uid === 0 ? Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim()) : uid;
    expect(cluster.user).toBe(uid === 0 ? 'nobody' : cluster.user);
    expect(uidOf(cluster.pid)).toBe(expected);
    if (uid === 0) expect(uidOf(cluster.pid)).not.toBe(0);
    // The data directory the server reports is that user's (only a superuser may read the setting).
    const sql = postgres(cluster.superuserUrl, { max: 1 });
    try {
      const [{ dir }] = await sql<{ dir: string }[]>`select current_setting('data_directory') as dir`;
      expect(dir.startsWith(cluster.dir)).toBe(true);
      expect(statSync(dir).uid).toBe(expected);
      expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
    } finally {
      await sql.end();
    }
  });

  it('listens on 127.0.0.1 only, keeps fsync on, and gives the tests a role that is not a superuser', async () => {
    expect(cluster.url).toBe(`postgres://guess@127.0.0.1:${cluster.port}/guesses`);
    const sql = postgres(cluster.url, { max: 1 });
    try {
      const [row] = await sql`
        select current_user as "user", current_database() as db,
               (select rolsuper from pg_roles where rolname = current_user) as super,
               current_setting('listen_addresses') as listen, current_setting('fsync') as fsync,
               current_setting('synchronous_commit') as sync`;
      expect(row).toEqual({ user: 'guess', db: 'guesses', super: false, listen: '127.0.0.1', fsync: 'on', sync: 'on' });
      // The role owns its database: it can create the service's tables.
      await sql`create table t (x int)`;
      await sql`drop table t`;
    } finally {
      await sql.end();
    }
  });

  it('stop() ends the server and removes its folder', async () => {
    const other = await startPostgres({ fsync: false });
    expect(existsSync(other.dir)).toBe(true);
    expect(alive(other.pid)).toBe(true);
    expect(other.port).not.toBe(cluster.port);
    await other.stop();
    expect(alive(other.pid)).toBe(false);
    expect(existsSync(other.dir)).toBe(false);
    await other.stop(); // twice is harmless
    const sql = postgres(other.url, { max: 1, connect_timeout: 2 });
    await expect(sql`select 1`).rejects.toThrow();
    await sql.end();
  });
});

describe('findPgBin', () => {
  it('finds this machine\'s initdb and postgres', () => {
    const bin = findPgBin();
    expect(existsSync(`${bin}/initdb`) && existsSync(`${bin}/postgres`)).toBe(true);
  });

  it('throws, naming where it looked, when the binaries are missing (the tests fail, never skip)', () => {
    expect(() => findPgBin('/nonexistent/postgresql', 'no-such-pg_config')).toThrow(
      /PostgreSQL server binaries \(initdb, postgres\) not found; tried no-such-pg_config \(not found\), \/nonexistent\/postgresql\/\*\/bin \(none\)/,
    );
  });
});
