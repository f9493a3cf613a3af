/**
 * "Start a class" (on /teach/ and on /class/ without a room): asks the service for a room, then
 * opens the projector view with the room's code and the teacher's key in the address fragment,
 * which never reaches a server (/class/ keeps the key in this tab and rewrites the fragment).
 */
import { href } from '../lib/paths';

export async function startClass(api: string): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  // Its own fetch, not live.ts's: /teach/ carries only this small module.
  let status = 0;
  let body: { code?: unknown; key?: unknown } = {};
  try {
    const res = await fetch(`${api}rooms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    status = res.status;
    body = status === 201 ? ((await res.json()) as typeof body) : {};
  } catch {
    status = 0;
  }
  const { code, key } = body;
  if (status === 201 && typeof code === 'string' && typeof key === 'string') return { ok: true, url: `${href('class/')}#${code}.${key}` };
  return {
    ok: false,
    message:
      status === 429
        ? 'Too many classes have been started from this network in the last hour. Wait a while, or use a class that is already open.'
        : 'A class cannot be started right now. Try again in a moment, or use the paper version below.',
  };
}

/** Wires every `[data-start-class]` button under `root`: its message goes to `[data-start-error]`. */
export function wireStart(root: ParentNode, api: string): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-start-class]')) {
    const say = button.parentElement?.querySelector<HTMLElement>('[data-start-error]') ?? null;
    button.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      if (say) say.textContent = 'Starting a class…';
      const started = await startClass(api);
      if (started.ok) {
        location.assign(started.url);
        return;
      }
      button.disabled = false;
      if (say) say.textContent = started.message;
    });
  }
}
