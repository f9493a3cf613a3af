/**
 * /data/charts/<chart-id>.csv: the rows one chart draws, from the validated data, in the chart's
 * reading order (its figure ids, from its points: the order of its numbers table and of the keys).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse } from '../../../lib/downloads';
import { chartStaticPaths } from '../../../site/charts';
import { chartCsv } from '../../../site/reuse';

export const getStaticPaths = chartStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const id = (props as { id: string }).id;
  return csvResponse(chartCsv(id), `${id}.csv`);
};
