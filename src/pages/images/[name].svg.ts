/** /images/<chart>.<cohort>.svg: print- and newsletter-ready vector image of a chart, font embedded. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartImage, chartSvg, imageStaticPaths } from '../../site/exports';
import type { StoryCohort } from '../../lib/cohort-url';

export const getStaticPaths = imageStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { id, cohort } = props as { id: string; cohort: StoryCohort };
  return new Response(await chartSvg(chartImage(id, cohort, site)), { headers: { 'Content-Type': 'image/svg+xml' } });
};
