/**
 * Every static image the build writes: an SVG and a 2x PNG per chart and cohort. Shared by the
 * image endpoints, the oEmbed JSON (sizes) and the gallery, so a name is defined once.
 */
import { CHARTS } from '../charts/registry';
import { exportSvg, png, PNG_SCALE, withEmbeddedFont } from '../charts/export/compose';
import { STORY_COHORTS, type StoryCohort } from '../lib/cohort-url';
import { absolute } from '../lib/paths';
import { siteChart } from './charts';

export interface ChartImage {
  id: string;
  cohort: StoryCohort;
  svg: string;
  width: number;
  height: number;
}

const cache = new Map<string, ChartImage>();

export function chartImage(id: string, cohort: StoryCohort, site: URL | undefined): ChartImage {
  const key = `${id}.${cohort}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { entry, spec, data, sourceLine } = siteChart(id);
  const { svg, width, height } = exportSvg({ entry, spec, data }, {
    cohort,
    storyUrl: absolute(cohort === 'full-time' ? `#${spec.section}` : `?cohort=${cohort}#${spec.section}`, site),
    sourceLine,
  });
  const image = { id, cohort, svg, width, height };
  cache.set(key, image);
  return image;
}

export const pngSize = (img: ChartImage) => ({ width: img.width * PNG_SCALE, height: img.height * PNG_SCALE });

/** The downloadable SVG: the image with the web font embedded, cut down to its text. */
export const chartSvg = (img: ChartImage): Promise<string> => withEmbeddedFont(img.svg, `${img.id}.${img.cohort}.svg`);

export async function chartPng(img: ChartImage): Promise<Uint8Array> {
  // resvg reads TTF files for text (compose.ts); the embedded woff2 is for browsers only.
  return png(img.svg);
}

export const imagePaths = () => CHARTS.flatMap((c) => STORY_COHORTS.map((cohort) => ({ id: c.id, cohort })));

/** getStaticPaths for /images/[name].svg and .png: one `<chart>.<cohort>` name per image. */
export const imageStaticPaths = () =>
  imagePaths().map(({ id, cohort }) => ({ params: { name: `${id}.${cohort}` }, props: { id, cohort } }));
