/** /data/charts/<chart-id>.json: one chart's metadata (site/reuse.ts): figures, sources, licence, citations, addresses. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartStaticPaths } from '../../../site/charts';
import { chartMetadata } from '../../../site/reuse';

export const getStaticPaths = chartStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(`${JSON.stringify(chartMetadata((props as { id: string }).id, site), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
