/**
 * Runs on embed pages: reports the page's content height to the parent window whenever it changes
 * (load, web fonts, resize, cohort toggle, "Show the numbers"). Sends numbers only, to the parent
 * only, and listens to no incoming message.
 */
import { heightMessages } from './embed-messages';

export function startResizer(chartId: string): void {
  if (window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    for (const message of heightMessages(chartId, height, window.location)) {
      // Heights are not secret and the host's origin is not known in advance: '*' is the target.
      window.parent.postMessage(message, '*');
    }
  };
  send();
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener('load', send);
  void document.fonts?.ready.then(send);
}
