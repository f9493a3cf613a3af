/** /data/datapackage.json: the Frictionless Data Package of the CSV files beside it (site/datapackage.ts). */
import type { APIRoute } from 'astro';
import { loadData } from '../../data/load';
import { absolute } from '../../lib/paths';
import { dataPackage } from '../../site/datapackage';

export const GET: APIRoute = ({ site }) =>
  new Response(JSON.stringify(dataPackage(loadData(), absolute('data/', site)), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
