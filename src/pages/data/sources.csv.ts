import type { APIRoute } from 'astro';
import { loadData } from '../../data/load';
import { csvResponse, sourcesCsv } from '../../lib/downloads';

export const GET: APIRoute = () => csvResponse(sourcesCsv(loadData().sources), 'sources.csv');
