/**
 * /oembed/<chart>.json: static oEmbed responses ("rich", version 1.0) so a CMS that discovers the
 * <link rel="alternate" type="application/json+oembed"> on an embed page can embed the chart.
 * The html is a bare iframe: WordPress strips scripts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS } from '../../charts/registry';
import { chartImage, pngSize } from '../../site/exports';
import { embedUrl, imageName } from '../../site/embed-meta';
import { absolute } from '../../lib/paths';
import { xml } from '../../charts/export/text';

export const getStaticPaths = (() => CHARTS.map((c) => ({ params: { chart: c.id }, props: { id: c.id, title: c.title } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { id, title } = props as { id: string; title: string };
  const img = chartImage(id, 'full-time', site);
  const thumb = pngSize(img);
  const width = 640;
  const height = img.height + 40;
  const body = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'Tools to Teammates, explored',
    provider_url: absolute('', site),
    html: `<iframe src="${xml(embedUrl(id, site))}" title="${xml(title)}" width="${width}" height="${height}" style="width:100%;max-width:100%;border:0" scrolling="no" loading="lazy"></iframe>`,
    width,
    height,
    thumbnail_url: absolute(imageName(id, 'full-time', 'png'), site),
    thumbnail_width: thumb.width,
    thumbnail_height: thumb.height,
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
};
