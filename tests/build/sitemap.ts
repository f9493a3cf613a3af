/**
 * The sitemap as crawlers read it: the sitemaps.org 0.9 schemas (vendored in tests/fixtures/sitemaps/,
 * checked with libxml2's xmllint, which CI installs), and the rule that it lists exactly the pages a
 * search engine may index: every built page without `noindex`, by its canonical address.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { JSDOM } from 'jsdom';
import { isNoindex } from '../../src/integrations/sitemap';
import { filesUnder } from '../files';

const SCHEMAS = resolve(__dirname, '../fixtures/sitemaps');
export const SITEMAP_XSD = join(SCHEMAS, 'sitemap.xsd');
export const SITEINDEX_XSD = join(SCHEMAS, 'siteindex.xsd');

/** xmllint's verdict on a file against a schema: null when valid, else its messages. */
export function schemaErrors(file: string, xsd: string): string | null {
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is required for the sitemap tests (apt-get install -y libxml2-utils): ${r.error.message}`);
  return r.status === 0 ? null : `${r.stdout}${r.stderr}`.trim();
}

export interface SitemapEntry {
  loc: string;
  lastmod: string | null;
}

/** The <loc> (and <lastmod>) of each entry of a sitemap index or of a sitemap. */
export function sitemapEntries(xml: string): SitemapEntry[] {
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  return [...doc.querySelectorAll('url, sitemap')].map((el) => ({
    loc: el.querySelector('loc')?.textContent?.trim() ?? '',
    lastmod: el.querySelector('lastmod')?.textContent?.trim() ?? null,
  }));
}

export interface BuiltPage {
  /** "charts/quit-twice/index.html" */
  file: string;
  canonical: string | null;
  noindex: boolean;
  html: string;
}

/** Every HTML page of a build, with its canonical address and whether it says `noindex`. */
export function builtPages(dist: string): BuiltPage[] {
  return filesUnder(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const html = readFileSync(f, 'utf8');
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? null;
      return { file: relative(dist, f).split(sep).join('/'), canonical, noindex: isNoindex(html), html };
    });
}

/**
 * What is wrong with a sitemap's list of pages: an indexable page missing, a `noindex` page or an
 * address of no page listed, an address listed twice, an indexable page without a canonical address.
 */
export function listProblems(entries: readonly SitemapEntry[], pages: readonly BuiltPage[]): string[] {
  const problems: string[] = [];
  const byCanonical = new Map(pages.filter((p) => p.canonical).map((p) => [p.canonical!, p]));
  const listed = new Set<string>();
  for (const { loc } of entries) {
    if (listed.has(loc)) problems.push(`${loc}: listed twice`);
    listed.add(loc);
    const page = byCanonical.get(loc);
    if (!page) problems.push(`${loc}: no built page has this canonical address`);
    else if (page.noindex) problems.push(`${loc}: listed, but ${page.file} says noindex`);
  }
  for (const p of pages.filter((p) => !p.noindex)) {
    if (!p.canonical) problems.push(`${p.file}: indexable, but has no canonical address`);
    else if (!listed.has(p.canonical)) problems.push(`${p.file}: indexable, but ${p.canonical} is not in the sitemap`);
  }
  return problems;
}
