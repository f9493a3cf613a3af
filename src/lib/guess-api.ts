/**
 * The build setting GUESS_API: where the guess service (src/server/) answers, as the readers'
 * browsers reach it. A path on the site's own origin ("/api/"), which nginx proxies to the service
 * (lib/nginx.ts) and `npm start` serves from one process, or an absolute origin and path
 * ("https://guesses.example.org/api/"), which the page's Content-Security-Policy then names in
 * connect-src. Unset, the build carries no trace of the feature.
 */

/** Thrown for a GUESS_API the build cannot use; the message names the setting and what it must be. */
export class GuessApiError extends Error {}

/** The setting, checked: null when unset or empty. Throws a GuessApiError naming GUESS_API otherwise. */
export function guessApi(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (value.startsWith('/')) {
    if (/^\/([A-Za-z0-9._~-]+\/)+$/.test(value) && !value.split('/').some((s) => s === '.' || s === '..')) return value;
    throw new GuessApiError(`GUESS_API "${raw}": a path must look like "/api/" (letters, digits, . _ ~ -, ending in "/")`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GuessApiError(`GUESS_API "${raw}": neither a path like "/api/" nor an absolute http(s) address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new GuessApiError(`GUESS_API "${raw}": the address must be http or https, not ${url.protocol}`);
  if (url.username || url.password || url.search || url.hash) throw new GuessApiError(`GUESS_API "${raw}": no user, query or fragment in the address`);
  if (!url.pathname.endsWith('/')) throw new GuessApiError(`GUESS_API "${raw}": the address must end in "/" (the API's root, e.g. https://guesses.example.org/api/)`);
  return url.href;
}

/** The path nginx proxies: the setting when it is a path on this origin, else null. */
export const apiPath = (api: string | null): string | null => (api?.startsWith('/') ? api : null);

/** The origin connect-src must name: the setting's origin when it is another origin, else null. */
export const apiOrigin = (api: string | null): string | null => (api && !api.startsWith('/') ? new URL(api).origin : null);
