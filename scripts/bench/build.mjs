/** Builds the site for the bench and times it. */
import { execFileSync } from 'node:child_process';

/**
 * `astro build` with SITE_URL set to the origin Lighthouse will load, so absolute URLs (canonical,
 * oEmbed, og:image) point at the preview server, and GUESS_API=/api/ (unless set), as `npm start`
 * deploys it: the page weights count what the guess service adds before a reader acts. Returns the build time in seconds (wall clock:
 * reported, never judged, since another process on the machine lengthens it).
 */
export function buildSite(origin) {
  const t0 = performance.now();
  execFileSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SITE_URL: origin, GUESS_API: process.env.GUESS_API ?? '/api/' },
  });
  return (performance.now() - t0) / 1000;
}
