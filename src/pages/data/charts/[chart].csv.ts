/** /data/charts/<chart-id>.csv: the rows one chart draws, from the validated data. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS } from '../../../charts/registry';
import { resolveChart } from '../../../charts/resolve';
import { loadData } from '../../../data/load';
import { csvResponse, figuresCsv } from '../../../lib/downloads';

export const getStaticPaths = (() => CHARTS.map((entry) => ({ params: { chart: entry.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const dataset = loadData();
  const entry = CHARTS.find((c) => c.id === params.chart)!;
  const ids = new Set(resolveChart(entry, dataset).spec.figureIds);
  const rows = [...dataset.figures, ...dataset.context].filter((f) => ids.has(f.id));
  return csvResponse(figuresCsv(rows), `${entry.id}.csv`);
};
