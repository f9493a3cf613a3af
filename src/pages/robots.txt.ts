/**
 * /robots.txt: every page may be crawled (the embeds and the 404 page say `noindex` themselves, which
 * a crawler can only read if it may fetch them), and where the sitemap is, by its absolute address.
 * Crawlers read robots.txt only at the root of a host: a site built under BASE_PATH also writes it
 * under the base, and the host's own /robots.txt must name this sitemap (README, "Deploying").
 */
import type { APIRoute } from 'astro';
import { absolute } from '../lib/paths';
import { SITEMAP_INDEX } from '../integrations/sitemap';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(SITEMAP_INDEX, site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
