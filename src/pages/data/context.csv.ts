import type { APIRoute } from 'astro';
import { loadData } from '../../data/load';
import { csvResponse, figuresCsv } from '../../lib/downloads';

export const GET: APIRoute = () => csvResponse(figuresCsv(loadData().context), 'context.csv');
