/**
 * A throwaway PostgreSQL cluster for the tests and the load bench: Debian's server binaries
 * (`pg_config --bindir`, else the newest /usr/lib/postgresql/N/bin), a fresh temporary folder, a free
 * loopback port, never a system service.
 *
 * PostgreSQL refuses to run as root: under root, initdb and postgres run as `nobody`:`nogroup`
 * through `setpriv --reuid --regid --clear-groups` (util-linux; `runuser -u nobody` where setpriv is
 * missing), in a folder chowned to that user; otherwise as the current user.
 *
 * The cluster: initdb with trust authentication (loopback only: listen_addresses=127.0.0.1 and the
 * Unix socket inside the temporary folder, so nobody else's process can reach it by a path it
 * knows); a login role `guess` (not a superuser) owning a database `guesses`, which is what `url`
 * names. fsync stays on unless `fsync: false` is asked for: the fault tests measure durability.
 * Missing binaries THROW: CI requires PostgreSQL, the tests fail rather than skip.
 *
 * One implementation for both worlds: the vitest suites import it as TypeScript, and the load bench
 * (scripts/bench/load.mjs) through tsx's tsImport.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

export interface PostgresCluster {
  /** postgres://guess@127.0.0.1:PORT/guesses: the test role and its database, trust auth. */
  url: string;
  /** The same cluster as the bootstrap superuser `postgres`, database `guesses`. */
  superuserUrl: string;
  port: number;
  /** The temporary folder: data/ (the cluster), sock/ (its Unix socket). */
  dir: string;
  /** The user the server runs as. */
  user: string;
  /** The postmaster's process id. */
  pid: number;
  /** Fast shutdown (SIGINT, SIGQUIT after 10 s), then the folder is removed. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** fsync and full_page_writes; default true: a crash must not lose a committed row. */
  fsync?: boolean;
}

/**
 * The directory holding initdb and postgres; throws, naming what was looked at, when there is none.
 * `root` and `pgConfig` are parameters for the test that proves the throw.
 */
export function findPgBin(root = '/usr/lib/postgresql', pgConfig = 'pg_config'): string {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
  const tried: string[] = [];
  const fromConfig = spawnSync(pgConfig, ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) {
    const dir = fromConfig.stdout.trim();
    if (has(dir)) return dir;
    tried.push(`${dir} (pg_config --bindir: no initdb/postgres there)`);
  } else {
    tried.push(`${pgConfig} (not found)`);
  }
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) {
    const dir = join(root, v, 'bin');
    if (has(dir)) return dir;
    tried.push(dir);
  }
  if (!versions.length) tried.push(`${root}/*/bin (none)`);
  throw new Error(
    `PostgreSQL server binaries (initdb, postgres) not found; tried ${tried.join(', ')}. ` +
      "Install Debian's postgresql package (.ci/run does): the PostgreSQL tests are required, never skipped.",
  );
}

/** A port nothing listens on at this moment (the kernel's pick on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface RunAs {
  user: string;
  uid: number;
  gid: number;
  /** The command line that runs `argv` as that user. */
  wrap(argv: string[]): string[];
}

/** Root: nobody/nogroup through setpriv (or runuser); otherwise the current user, unwrapped. */
function unprivileged(): RunAs {
  const uid = process.getuid?.() ?? -1;
  if (uid !== 0) {
    const user = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim() || String(uid);
    return { user, uid, gid: process.getgid?.() ?? -1, wrap: (argv) => argv };
  }
  const id = (flag: string, name: string) => {
    const r = spawnSync('id', [flag, name], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`running as root and user "${name}" does not exist (id ${flag} ${name}): PostgreSQL refuses to run as root`);
    return Number(r.stdout.trim());
  };
  const user = 'nobody';
  const nobodyUid = id('-u', user);
  const gid = id('-g', user);
  if (spawnSync('setpriv', ['--version']).status === 0) {
    return {
      user,
      uid: nobodyUid,
      gid,
      wrap: (argv) => ['setpriv', `--reuid=${nobodyUid}`, `--regid=${gid}`, '--clear-groups', '--', ...argv],
    };
  }
  if (spawnSync('runuser', ['--version']).status === 0) {
    return { user, uid: nobodyUid, gid, wrap: (argv) => ['runuser', '-u', user, '--', ...argv] };
  }
  throw new Error('running as root and neither setpriv nor runuser (util-linux) is installed: PostgreSQL refuses to run as root');
}

/** Starts a throwaway cluster and resolves once a real connection to its database answers. */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresCluster> {
  const bin = findPgBin();
  const as = unprivileged();
  const dir = mkdtempSync(join(tmpdir(), 'guess-pg-'));
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  mkdirSync(sock, { mode: 0o700 });
  if (as.uid !== process.getuid?.()) {
    chownSync(dir, as.uid, as.gid);
    chownSync(sock, as.uid, as.gid);
  }
  // No locale of the host's, no HOME (nobody's is /nonexistent); cwd the folder it owns.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const [cmd, ...args] = as.wrap([
      join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C',
      '--no-sync', // initdb's own files only; the server's fsync setting is below
    ]);
    const init = spawnSync(cmd!, args, { cwd: dir, env, encoding: 'utf8' });
    if (init.status !== 0) {
      throw new Error(`initdb failed (${init.error?.message ?? `exit ${init.status}`}) as ${as.user} in ${data}:\n${init.stdout}${init.stderr}`);
    }
    const fsync = options.fsync ?? true;
    // The port is free when picked but could be taken before postgres binds it: a few tries.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        return await launch({ bin, as, dir, data, sock, env, port, fsync, cleanup });
      } catch (err) {
        lastError = err;
        if (!/could not bind|Address already in use/i.test(String(err))) break;
      }
    }
    throw lastError;
  } catch (err) {
    cleanup();
    throw err;
  }
}

interface LaunchArgs {
  bin: string;
  as: RunAs;
  dir: string;
  data: string;
  sock: string;
  env: Record<string, string>;
  port: number;
  fsync: boolean;
  cleanup(): void;
}

async function launch({ bin, as, dir, data, sock, env, port, fsync, cleanup }: LaunchArgs): Promise<PostgresCluster> {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: sock,
    fsync: fsync ? 'on' : 'off',
    full_page_writes: fsync ? 'on' : 'off',
    synchronous_commit: 'on',
    max_connections: '100',
    shared_buffers: '32MB',
    logging_collector: 'off',
    log_min_messages: 'warning',
    log_min_error_statement: 'panic', // the suites send refused input on purpose
    log_checkpoints: 'off',
    jit: 'off',
  };
  const [cmd, ...args] = as.wrap([join(bin, 'postgres'), '-D', data, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]);
  // setpriv and runuser exec postgres in place: the child's pid is the postmaster's.
  const child = spawn(cmd!, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  child.once('error', (err) => keep(Buffer.from(`spawn ${cmd}: ${err.message}\n`)));
  // The cluster never outlives the process that started it.
  const onExit = () => {
    if (!exited) child.kill('SIGQUIT');
  };
  process.on('exit', onExit);

  const url = `postgres://guess@127.0.0.1:${port}/guesses`;
  const superuserUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (!exited) {
        child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exit, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
        clearTimeout(timer);
        if (!exited) {
          child.kill('SIGQUIT');
          await exit;
        }
      }
      process.off('exit', onExit);
      cleanup();
    })());

  try {
    await waitReady(superuserUrl, child, () => exited, () => log);
    const admin = postgres(superuserUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe('create role guess login');
      await admin.unsafe('create database guesses owner guess');
    } finally {
      await admin.end();
    }
  } catch (err) {
    await stopWithoutCleanup(child, exit, () => exited);
    process.off('exit', onExit);
    throw err;
  }
  return { url, superuserUrl: superuserUrl.replace(/\/postgres$/, '/guesses'), port, dir, user: as.user, pid: child.pid!, stop };
}

async function stopWithoutCleanup(child: ChildProcess, exit: Promise<void>, exited: () => boolean) {
  if (exited()) return;
  child.kill('SIGQUIT');
  await exit;
}

/** Polls a real connection (select 1) until it answers; throws with the server's log on exit or after 30 s. */
async function waitReady(url: string, child: ChildProcess, exited: () => boolean, log: () => string) {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`postgres exited (code ${child.exitCode}, signal ${child.signalCode}) before accepting connections:\n${log()}`);
    const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      return;
    } catch (err) {
      last = String((err as Error)?.message ?? err);
    } finally {
      await sql.end({ timeout: 1 }).catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 50)); // between polls only, never instead of one
  }
  throw new Error(`postgres did not accept connections within 30 s (last error: ${last}):\n${log()}`);
}

/** A fresh, empty database named `name` in the cluster, owned by the test role: its URL. */
export async function createDatabase(cluster: PostgresCluster, name: string): Promise<string> {
  const admin = postgres(cluster.superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} owner guess`);
  } finally {
    await admin.end();
  }
  return cluster.url.replace(/\/guesses$/, `/${name}`);
}
