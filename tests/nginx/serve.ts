/**
 * Starting and stopping `scripts/serve-nginx.mjs` from a test, and a plain HTTP GET: shared by the
 * Playwright project (tests/nginx/server.ts) and the sub-path build test (tests/build/base-path.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';

/** Starts serve-nginx on a port and resolves once it says it is ready (it waits for nginx to answer). */
export function startNginx(port: number, dist = 'dist', env: Record<string, string> = {}): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['scripts/serve-nginx.mjs', '--dist', dist], {
    env: { ...process.env, PORT: String(port), BASE_PATH: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (/serve-nginx: ready /.test(out)) resolve({ child, origin: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`serve-nginx exited (${code}) before it was ready:\n${out}\n${err}`)));
  });
}

/** Stops serve-nginx (it stops nginx and removes its folder) and resolves when it has exited. */
export function stopNginx(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain GET with exactly the request headers given (no decompression, no redirect following). */
export function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
