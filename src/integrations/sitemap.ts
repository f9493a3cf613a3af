/**
 * The sitemap (@astrojs/sitemap: dist/sitemap-index.xml and dist/sitemap-0.xml, under the base), for
 * every page a search engine may index. Which pages those are is read from the built pages
 * themselves: a page with `<meta name="robots" content="noindex">` (the embeds, the 404 page) stays
 * out, so the sitemap and the pages cannot disagree. `lastmod` comes from the record of changes
 * (data/changes.csv) as the page states it: the `dateModified` of the page's own Dataset JSON-LD when
 * it has one (each chart page: the newest entry touching the figures it draws, src/data/changes.ts
 * `lastChangeOf`; /data/: the newest entry), else the date of the newest entry, the site's last change.
 * robots.txt, which names the sitemap, is src/pages/robots.txt.ts.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figuresVersion } from '../data/changes';
import { loadData } from '../data/load';

/** The sitemap's name under the base: what robots.txt names. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/** True when a page asks search engines not to index it. */
export function isNoindex(html: string): boolean {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (/\bname=["']?robots["']?/i.test(tag) && /\bcontent=["'][^"']*\bnoindex\b/i.test(tag)) return true;
  }
  return false;
}

/** The `dateModified` of a page's JSON-LD, when it states one. */
export function pageDateModified(html: string): string | null {
  return /"dateModified":"(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1] ?? null;
}

/** The built HTML file of a page address ("https://x.org/base/data/" → "<out>/data/index.html"). */
export function pageFile(outDir: string, siteBase: string, url: string): string {
  if (!url.startsWith(siteBase)) throw new Error(`[sitemap] ${url} is not under ${siteBase}`);
  const path = decodeURIComponent(url.slice(siteBase.length));
  const candidates = path === '' || path.endsWith('/') ? [join(outDir, path, 'index.html')] : [join(outDir, `${path}.html`), join(outDir, path, 'index.html')];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`[sitemap] ${url}: no built page (looked for ${candidates.join(', ')})`);
  return file;
}

export function siteMap(): AstroIntegration[] {
  let outDir = '';
  let siteBase = '';
  const html = new Map<string, string>();
  const read = (url: string) => {
    if (!html.has(url)) html.set(url, readFileSync(pageFile(outDir, siteBase, url), 'utf8'));
    return html.get(url)!;
  };
  const siteLastChange = () => figuresVersion(loadData().changes).lastChanged;

  // Where the pages are written (tests build with --outDir) and the site's address under the base.
  const paths: AstroIntegration = {
    name: 'sitemap-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        siteBase = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
      },
    },
  };
  // Made once the data is validated (validate-data's astro:config:setup runs first), since the
  // index's lastmod reads the record of changes: a bad row must stop the build with its own message.
  let inner: AstroIntegration | undefined;
  const made = () =>
    (inner ??= sitemap({
      filter: (url) => !isNoindex(read(url)),
      lastmod: new Date(`${siteLastChange()}T00:00:00Z`),
      serialize: (item) => ({ ...item, lastmod: pageDateModified(read(item.url)) ?? siteLastChange() }),
    }));
  type Hooks = AstroIntegration['hooks'];
  const delegate =
    <K extends 'astro:config:done' | 'astro:routes:resolved' | 'astro:build:done'>(hook: K): NonNullable<Hooks[K]> =>
    // @ts-expect-error: the hook's own argument, passed through to the same hook of the integration.
    (arg) => made().hooks[hook]?.(arg);
  const map: AstroIntegration = {
    name: '@astrojs/sitemap',
    hooks: {
      'astro:config:done': delegate('astro:config:done'),
      'astro:routes:resolved': delegate('astro:routes:resolved'),
      'astro:build:done': delegate('astro:build:done'),
    },
  };
  return [paths, map];
}
