/**
 * Links that honour the deploy sub-path (astro.config.mjs `base`, from BASE_PATH). Every internal
 * link goes through `href`, so the site works at / and at /any/sub/path/ alike.
 */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `href('data/')` -> `/base/data/`; `href('')` -> `/base/`. */
export function href(path: string): string {
  return BASE + path.replace(/^\/+/, '');
}

/** Absolute URL on the public site (canonical links, embed codes, citations). */
export function absolute(path: string, site: URL | undefined): string {
  return new URL(href(path), site ?? 'http://127.0.0.1:4321').toString();
}
