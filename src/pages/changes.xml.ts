/** /changes.xml: the record of changes as an Atom feed (src/lib/changes-feed.ts). */
import type { APIRoute } from 'astro';
import { loadData } from '../data/load';
import { absolute } from '../lib/paths';
import { changesFeed } from '../lib/changes-feed';

export const GET: APIRoute = ({ site }) => {
  const { changes, figures, context, sources } = loadData();
  const body = changesFeed({
    changes,
    figures: [...figures, ...context],
    sources,
    page: absolute('changes/', site),
    self: absolute('changes.xml', site),
    data: absolute('data/', site),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
