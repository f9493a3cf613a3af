/**
 * /data/charts/<chart-id>.csv: the rows one chart draws, from the validated data, in the chart's
 * reading order (its figure ids, from its points: the order of its numbers table and of the keys).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadData } from '../../../data/load';
import { csvResponse, figuresCsv } from '../../../lib/downloads';
import { chartStaticPaths, siteChart } from '../../../site/charts';

export const getStaticPaths = chartStaticPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const dataset = loadData();
  const { spec } = siteChart((props as { id: string }).id);
  const byId = new Map([...dataset.figures, ...dataset.context].map((f) => [f.id, f]));
  const rows = spec.figureIds.map((id) => {
    const row = byId.get(id);
    if (!row) throw new Error(`/data/charts/${spec.id}.csv: figure "${id}" is in no data file`);
    return row;
  });
  return csvResponse(figuresCsv(rows), `${spec.id}.csv`);
};
