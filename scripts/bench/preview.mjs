/** The preview server Lighthouse loads pages from. */
import { spawn } from 'node:child_process';

/**
 * Starts `astro preview` on dist/ and resolves once it answers at origin + base. stop() kills its
 * process group; the server also goes when the bench exits or is interrupted.
 */
export async function startPreview({ origin, port, base }) {
  if (await fetch(`${origin}${base}`).then(() => true, () => false)) {
    throw new Error(`something already answers on ${origin}; stop it or set BENCH_PORT`);
  }
  const child = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true, // its own process group: npx, node and astro go together
  });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', () => resolve((exited = true))));
  const kill = (signal) => {
    if (exited) return;
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  // Whatever happens next (an exception, Ctrl-C), the server does not outlive the bench.
  const onExit = () => kill('SIGKILL');
  process.on('exit', onExit);
  const onSignal = () => {
    kill('SIGTERM');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    kill('SIGTERM');
    // Up to 5 s for a clean exit, then SIGKILL.
    let timer;
    await Promise.race([exit, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    kill('SIGKILL');
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(`${origin}${base}`);
      if (res.ok) return { stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`astro preview did not answer on ${origin} within 30 s${stderr ? `:\n${stderr}` : ''}`);
}
