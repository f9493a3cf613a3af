/**
 * /data/charts/index.json: every chart in story order, with where to find it — its page, embed,
 * images, data and oEmbed — for tools, and for the browser tests, which read the chart list from the
 * build rather than keeping a copy of the registry.
 */
import type { APIRoute } from 'astro';
import { STORY_COHORTS } from '../../../lib/cohort-url';
import { absolute } from '../../../lib/paths';
import { siteCharts } from '../../../site/charts';
import { imageName } from '../../../site/embed-meta';

export const GET: APIRoute = ({ site }) => {
  const charts = siteCharts().map(({ spec }) => ({
    id: spec.id,
    title: spec.title,
    takeaway: spec.takeaway,
    section: spec.section,
    story: absolute(`#${spec.section}`, site),
    page: absolute(`charts/${spec.id}/`, site),
    embed: absolute(`embed/${spec.id}/`, site),
    oembed: absolute(`oembed/${spec.id}.json`, site),
    csv: absolute(`data/charts/${spec.id}.csv`, site),
    images: STORY_COHORTS.flatMap((c) => (['svg', 'png'] as const).map((ext) => absolute(imageName(spec.id, c, ext), site))),
    figures: spec.figureIds,
  }));
  return new Response(`${JSON.stringify({ charts }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
