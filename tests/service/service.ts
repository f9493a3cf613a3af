/**
 * The guess service (src/server/main.ts) as a child process, for the tests that need a real one: the
 * browser tests (tests/service/), nginx in front of it (tests/nginx/api.spec.ts). Started through tsx
 * Node's own loader (not npx, whose wrapper would take the signal and leave the service running), on a free
 * port (PORT=0) with its own PGlite folder unless DATABASE_URL is given; resolves on its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const READY = /guess service listening on (http:\/\/\S+) \(/;

export interface Service {
  /** "http://127.0.0.1:43121" */
  origin: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the ready line. */
  startMs: number;
  /** Resolves when the process has exited, with its code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed, for a failing test's message. */
  output: () => string;
  /** SIGTERM, then waits for the exit; removes its PGlite folder. */
  stop: () => Promise<void>;
  /** SIGKILL: the process dies mid-whatever; its folder stays for a restart. */
  kill: () => Promise<void>;
  /** The PGlite folder, when it has one. */
  dataDir?: string;
}

/** Starts the service; `env` adds to (or overrides) PORT=0, HOST, DIST_DIR=dist, GUESS_DATA_DIR=<fresh temp folder>. */
export function startService(env: Record<string, string> = {}): Promise<Service> {
  const own = env.DATABASE_URL || env.GUESS_DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'guesses-'));
  const dataDir = env.GUESS_DATA_DIR ?? own;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DIST_DIR: 'dist', ...(dataDir ? { GUESS_DATA_DIR: dataDir } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((ok, fail) => {
    const onData = () => {
      const m = READY.exec(out);
      if (!m) return;
      child.stdout!.off('data', onData);
      ok({
        origin: m[1]!,
        child,
        startMs: performance.now() - t0,
        exited,
        dataDir,
        output: () => out,
        stop: async () => {
          await end('SIGTERM');
          if (own) rmSync(own, { recursive: true, force: true });
        },
        kill: () => end('SIGKILL'),
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => fail(new Error(`the guess service exited (${code ?? signal}) before it was ready:\n${out}`)));
  });
}
