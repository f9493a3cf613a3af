/** /images/<chart>.<cohort>.png: the same image as the SVG, rasterised at 2x; also the og:image. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartImage, chartPng, imageStaticPaths } from '../../site/exports';
import type { StoryCohort } from '../../lib/cohort-url';

export const getStaticPaths = imageStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, cohort } = props as { id: string; cohort: StoryCohort };
  return new Response(Buffer.from(await chartPng(chartImage(id, cohort, site))), { headers: { 'Content-Type': 'image/png' } });
};
