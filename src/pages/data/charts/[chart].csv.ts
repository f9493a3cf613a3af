/** /data/charts/<chart-id>.csv: the rows one chart draws, from the validated data. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadData } from '../../../data/load';
import { csvResponse, figuresCsv } from '../../../lib/downloads';
import { chartStaticPaths, siteChart } from '../../../site/charts';

export const getStaticPaths = chartStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const dataset = loadData();
  const { spec } = siteChart((props as { id: string }).id);
  const ids = new Set(spec.figureIds);
  const rows = [...dataset.figures, ...dataset.context].filter((f) => ids.has(f.id));
  return csvResponse(figuresCsv(rows), `${spec.id}.csv`);
};
