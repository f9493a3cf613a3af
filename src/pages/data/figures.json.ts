import type { APIRoute } from 'astro';
import { loadData } from '../../data/load';
import { datasetJson } from '../../lib/downloads';

export const GET: APIRoute = () =>
  new Response(datasetJson(loadData()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
