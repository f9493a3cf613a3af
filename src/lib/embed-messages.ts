/**
 * The height messages an embedded chart sends to the page that frames it, in the formats newsroom
 * pages already listen for. Pure: builds the messages from a height and the embed's own URL;
 * embed-resize.ts posts them. Everything taken from the URL is checked against a strict pattern
 * and only ever used as a string inside a message, never as markup.
 */

export type HeightMessage = string | Record<string, unknown>;

/** pym.js child ids are ours to echo back to the parent, so only plain ids pass. */
const CHILD_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** WordPress's oEmbed iframe secret (wp-embed.js uses 10 alphanumerics). */
const WP_SECRET = /^[A-Za-z0-9]{1,32}$/;

/** A height worth sending: a finite, positive whole number of pixels within reason. */
export function saneHeight(px: number): number | null {
  if (!Number.isFinite(px)) return null;
  const h = Math.ceil(px);
  return h > 0 && h <= 20_000 ? h : null;
}

export function childIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get('childId');
  return id !== null && CHILD_ID.test(id) ? id : null;
}

/** WordPress appends `#?secret=abc123` to an oEmbed iframe's URL. */
export function wpSecretFrom(hash: string): string | null {
  const m = /^#\?secret=([^&]*)$/.exec(hash);
  return m && WP_SECRET.test(m[1]!) ? m[1]! : null;
}

export function heightMessages(
  chartId: string,
  px: number,
  location: { search: string; hash: string },
): HeightMessage[] {
  const height = saneHeight(px);
  if (height === null) return [];
  const messages: HeightMessage[] = [
    // Datawrapper's responsive embed script and our own embed code.
    { 'datawrapper-height': { [chartId]: height } },
    // AMP's amp-iframe and @newswire/frames.
    { sentinel: 'amp', type: 'embed-size', height },
  ];
  const childId = childIdFrom(location.search);
  if (childId) messages.push(`pymxPYMx${childId}xPYMxheightxPYMx${height}`);
  const secret = wpSecretFrom(location.hash);
  if (secret) messages.push({ secret, message: 'height', value: height });
  return messages;
}
