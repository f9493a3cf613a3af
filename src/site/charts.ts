/**
 * The site's one view of each chart at build time: resolved once per build (data, texts, points),
 * with its source line and its rows on /data/. The story, embeds, the gallery, images, CSV and
 * oEmbed all read charts through here, so none resolves a chart or words a source line itself.
 * This layer sits above charts (it imports the registry); charts never import it.
 */
import { CHARTS, chartById } from '../charts/registry';
import { resolveChart } from '../charts/resolve';
import type { ChartEntry, ChartSpec } from '../charts/types';
import type { Dataset } from '../data/dataset';
import { loadData } from '../data/load';
import { figureById, formatDate, sourcesOf } from '../data/select';

export interface SiteChart {
  entry: ChartEntry<unknown>;
  spec: ChartSpec;
  data: unknown;
  /** "Sources: Fortune, 9 July 2025; ZDNet, July 2025". */
  sourceLine: string;
  /** The chart's first row on /data/, relative to the site root: "data/#burnout-share". */
  dataPath: string;
}

/** Beyond this many pages, a source line counts them instead of listing them. */
const MANY_PAGES = 8;

/**
 * "Sources: Fortune, 9 July 2025; ZDNet, July 2025", from the figures a chart draws, then the
 * pages of the retellings it draws (the press trail), each publisher once.
 */
export function chartSourceLine(figureIds: readonly string[], data: Dataset, sourceIds: readonly string[] = []): string {
  const seen = new Map<string, string>();
  const add = (s: Dataset['sources'][number]) => {
    if (!seen.has(s.publisher)) seen.set(s.publisher, s.published ? formatDate(s.published) : 'undated');
  };
  for (const id of figureIds) {
    const f = figureById([...data.figures, ...data.context], id);
    for (const s of sourcesOf(f, data.sources)) add(s);
  }
  const pages = sourceIds.map((id) => {
    const s = data.sources.find((x) => x.id === id);
    if (!s) throw new Error(`No source "${id}" in data/sources.csv`);
    return s;
  });
  // A chart of many retellings names the report and counts the pages: each is named in its numbers table.
  if (pages.length > MANY_PAGES) {
    const report = pages.filter((s) => s.kind === 'report');
    for (const s of report) add(s);
    const others = new Set(pages.filter((s) => s.kind !== 'report').map((s) => s.publisher)).size;
    const named = [...seen].map(([p, d]) => `${p}, ${d}`);
    return `Sources: ${[...named, `${others} publishers that retold it, each named in the numbers table`].join('; ')}`;
  }
  for (const s of pages) add(s);
  return `Sources: ${[...seen].map(([p, d]) => `${p}, ${d}`).join('; ')}`;
}

const cache = new Map<string, SiteChart>();

/** One chart, resolved once per build. */
export function siteChart(id: string): SiteChart {
  const hit = cache.get(id);
  if (hit) return hit;
  const dataset = loadData();
  const entry = chartById(id);
  const { spec, data } = resolveChart(entry, dataset);
  const chart: SiteChart = {
    entry,
    spec,
    data,
    sourceLine: chartSourceLine(spec.figureIds, dataset, spec.sourceIds),
    // A chart of retellings links to the press trail's table on /data/.
    dataPath: spec.figureIds.length ? `data/#${spec.figureIds[0]}` : 'data/#coverage',
  };
  cache.set(id, chart);
  return chart;
}

/** Every chart, in story order. */
export const siteCharts = (): SiteChart[] => CHARTS.map((c) => siteChart(c.id));

/** getStaticPaths for the per-chart pages (/embed/, /charts/, CSV, oEmbed). */
export const chartStaticPaths = () => CHARTS.map((c) => ({ params: { chart: c.id }, props: { id: c.id } }));
