import type { APIRoute } from 'astro';
import { loadData } from '../../data/load';
import { coverageCsv, csvResponse } from '../../lib/downloads';

export const GET: APIRoute = () => csvResponse(coverageCsv(loadData().coverage), 'coverage.csv');
