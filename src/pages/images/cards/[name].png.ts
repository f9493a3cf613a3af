/** /images/cards/<name>.png: a page's link-preview card, 1200 × 630 (src/site/cards.ts); its og:image. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardNames, cardPng } from '../../../site/cards';

export const getStaticPaths = (() => cardNames().map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  new Response(Buffer.from(await cardPng(params.name!, site)), { headers: { 'Content-Type': 'image/png' } });
