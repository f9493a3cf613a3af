/** /data/charts/<chart-id>.zip: the chart's CSV, metadata, README and images, the same bytes every build (site/reuse.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartStaticPaths } from '../../../site/charts';
import { chartZip } from '../../../site/reuse';

export const getStaticPaths = chartStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const id = (props as { id: string }).id;
  return new Response(Buffer.from(await chartZip(id, site)), {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${id}.zip"` },
  });
};
