/**
 * SITE_URL is the public origin every absolute address is written with. Without it the build writes
 * the local preview's address instead, which is right for `npm start` (it sets SITE_URL to that
 * address) and wrong anywhere else: one warning says so, once per build.
 */
import type { AstroIntegration } from 'astro';

/** The origin a build without SITE_URL writes (astro preview's address, astro.config.mjs `server`). */
export const LOCAL_SITE = 'http://127.0.0.1:4321';

export const SITE_URL_WARNING =
  `SITE_URL is not set: every absolute address in dist/ will be ${LOCAL_SITE}/ — canonical links, og:url and og:image, ` +
  'citations and JSON-LD, the embed code and oEmbed, the CSV addresses in the code snippets, the feed, the sitemap and robots.txt. ' +
  'Set SITE_URL to the public origin to deploy (SITE_URL=https://example.org npm run build).';

export function siteUrlCheck(siteUrl: string | undefined): AstroIntegration {
  return {
    name: 'site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!siteUrl) logger.warn(SITE_URL_WARNING);
      },
    },
  };
}
