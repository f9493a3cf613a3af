/**
 * Everything to republish one chart ("Reuse this work"): its metadata, the rows it draws (all, or
 * the ones a cohort shows), code that loads its CSV, its two citations (the chart, the data) and its
 * licence, and the zip of all of it. Build time only; every value comes from the validated data and
 * the chart as the site resolved it (site/charts.ts).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { DATA_COHORTS, STORY_COHORTS, STORY_COHORT_LABELS, type StoryCohort } from '../lib/cohort-url';
import { ACCESSED, EXPLAINER, citeAll, explainerWork, type CitationStyle, type Work } from '../lib/citations';
import { figuresCsv, trailCsv } from '../lib/downloads';
import { absolute } from '../lib/paths';
import { loadData } from '../data/load';
import { figuresVersion, lastChangeOf } from '../data/changes';
import type { ContextFigure, Coverage, Figure, Source } from '../data/schema';
import { coverageOf } from '../charts/kit/points';
import { figureById } from '../data/select';
import { siteChart } from './charts';
import { LICENCE as SITE_LICENCE } from './licence';
import { imageName } from './embed-meta';
import { chartImage, chartPng, chartSvg } from './exports';

/** The site's licence (site/licence.ts), as a newsroom needs to read it. */
export const LICENCE = {
  name: 'CC BY 4.0',
  id: SITE_LICENCE.id,
  url: SITE_LICENCE.url,
  chart:
    'The charts, their text and the data tables written for this site may be republished, adapted and used commercially, in print and online, as long as you credit “Tools to Teammates, explored” and link to the chart.',
  quotes:
    'Quoted wording stays the sources’: each quote is credited to the outlet or report that published it, and reusing it is a matter between you and them. The figures are the Upwork Research Institute’s and the outlets’; we record them as published.',
} as const;

/** Where each part of a chart lives, relative to the site root. */
export const reusePaths = (id: string) => ({
  page: `charts/${id}/`,
  embed: `embed/${id}/`,
  csv: `data/charts/${id}.csv`,
  json: `data/charts/${id}.json`,
  zip: `data/charts/${id}.zip`,
  shown: (cohort: StoryCohort) => `data/charts/${id}/${cohort}.csv`,
});

type Row = Figure | ContextFigure;

/** The rows a chart draws, in its reading order. */
export function chartRows(id: string): Row[] {
  const data = loadData();
  const rows: readonly Row[] = [...data.figures, ...data.context];
  return siteChart(id).spec.figureIds.map((fid) => figureById(rows, fid));
}

/** The rows a chart shows for one cohort: the figures about that cohort's groups. */
export function shownRows(id: string, cohort: StoryCohort): Row[] {
  const groups = DATA_COHORTS[cohort] as readonly string[];
  return chartRows(id).filter((r) => groups.includes(r.cohort));
}

/** The rows of data/coverage.csv a chart of retellings draws (the press trail), in its reading order. */
export function chartCoverage(id: string): Coverage[] {
  const { coverage } = loadData();
  return coverageOf(siteChart(id).spec.points).map(({ figure, sourceId }) => {
    const row = coverage.find((c) => c.figure === figure && c.source_id === sourceId);
    if (!row) throw new Error(`chart "${id}": no row of data/coverage.csv for ${figure} from ${sourceId}`);
    return row;
  });
}

/**
 * The chart's CSV: the figures it draws, or, for a chart of retellings, its rows of coverage.csv
 * with their pages. A chart of retellings shows every row in every cohort, so its cohort CSV is the same.
 */
export const chartCsv = (id: string) =>
  siteChart(id).spec.figureIds.length ? figuresCsv(chartRows(id)) : trailCsv(chartCoverage(id), loadData().sources);
export const shownCsv = (id: string, cohort: StoryCohort) =>
  siteChart(id).spec.figureIds.length ? figuresCsv(shownRows(id, cohort)) : chartCsv(id);

/** Code that loads the chart's CSV from its address. */
export function snippets(csvUrl: string) {
  return [
    { key: 'python', label: 'Python (pandas)', code: `import pandas as pd\n\ndf = pd.read_csv("${csvUrl}")` },
    { key: 'r', label: 'R', code: `df <- read.csv("${csvUrl}")` },
    { key: 'sheets', label: 'Google Sheets', code: `=IMPORTDATA("${csvUrl}")` },
  ] as const;
}

/** The chart and its data as works to cite, retrieved on `accessed` (ACCESSED until known). */
export function reuseWorks(id: string, site: URL | undefined, accessed: string = ACCESSED): { chart: Work; data: Work } {
  const { spec } = siteChart(id);
  const p = reusePaths(id);
  const base = explainerWork(absolute('', site));
  return {
    chart: { ...base, title: spec.title, medium: 'Chart', url: absolute(p.page, site), key: `${EXPLAINER.key}${id.replace(/[^a-z]/g, '')}`, publisher: EXPLAINER.title, accessed },
    data: {
      ...base,
      title: `Data for “${spec.title}”`,
      medium: 'Data set',
      url: absolute(p.csv, site),
      key: `${EXPLAINER.key}${id.replace(/[^a-z]/g, '')}data`,
      publisher: EXPLAINER.title,
      accessed,
    },
  };
}

const sourceOf = (s: Source) => ({
  id: s.id,
  publisher: s.publisher,
  title: s.title,
  date: s.published,
  url: s.url,
  kind: s.kind,
  ...(s.authors.length ? { authors: s.authors } : {}),
});

/** The chart's metadata, as /data/charts/<id>.json serves it. */
export function chartMetadata(id: string, site: URL | undefined) {
  const data = loadData();
  const { spec, sourceLine } = siteChart(id);
  const rows = chartRows(id);
  const p = reusePaths(id);
  const retellings = chartCoverage(id);
  const sourceIds = new Set([...rows.flatMap((r) => r.source_ids), ...retellings.map((r) => r.source_id)]);
  const works = reuseWorks(id, site);
  const cite = (w: Work) => citeAll(w) as Record<CitationStyle, string>;
  return {
    id,
    title: spec.title,
    takeaway: spec.takeaway,
    descriptions: Object.fromEntries(STORY_COHORTS.map((c) => [c, spec.descriptions[c]])) as Record<StoryCohort, string>,
    sourceLine,
    figures: rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      cohort: r.cohort,
      value: r.value,
      unit: r.unit,
      statement: r.statement,
      quote: r.quote,
      sources: r.source_ids,
      ...(r.note ? { note: r.note } : {}),
      ...(r.claim ? { claim: r.claim } : {}),
    })),
    ...(retellings.length
      ? {
          retellings: retellings.map((r) => ({
            figure: r.figure,
            source: r.source_id,
            wording: r.wording,
            group: r.group,
            cohort: r.cohort,
            value: r.value,
            reading: r.reading,
            drift: r.drift,
            ...(r.note ? { note: r.note } : {}),
          })),
        }
      : {}),
    points: spec.points.map((pt) => ({ key: pt.key, group: pt.group, measure: pt.measure, value: pt.value, unit: pt.unit, text: pt.text, ...(pt.missing ? { missing: pt.missing } : {}), figureId: pt.figureId })),
    sources: data.sources.filter((s) => sourceIds.has(s.id)).map(sourceOf),
    licence: { ...LICENCE },
    citations: {
      note: `Replace ${ACCESSED} with the day you retrieved the chart or its data.`,
      chart: cite(works.chart),
      data: cite(works.data),
    },
    urls: {
      page: absolute(p.page, site),
      embed: absolute(p.embed, site),
      csv: absolute(p.csv, site),
      json: absolute(p.json, site),
      zip: absolute(p.zip, site),
      shown: Object.fromEntries(STORY_COHORTS.map((c) => [c, absolute(p.shown(c), site)])),
      images: Object.fromEntries(
        STORY_COHORTS.map((c) => [c, { png: absolute(imageName(id, c, 'png'), site), svg: absolute(imageName(id, c, 'svg'), site) }]),
      ),
    },
    // From the public record of changes (data/changes.csv): the last entry touching these figures.
    dataLastChanged: lastChangeOf(rows.map((r) => r.id), data.changes),
    dataVersion: figuresVersion(data.changes).version,
    changes: absolute('changes/', site),
  };
}

/** What the zip's README says: what the chart shows and cannot show, sources, licence, citing. */
export function readmeText(id: string, site: URL | undefined): string {
  const m = chartMetadata(id, site);
  const missing = m.points.filter((pt) => pt.value === null);
  const lines = [
    m.title,
    '='.repeat(Math.min(m.title.length, 100)),
    '',
    m.takeaway,
    '',
    'WHAT IT SHOWS',
    m.descriptions['full-time'],
    '',
    'WHAT IT CANNOT SHOW',
    ...(missing.length
      ? missing.map((pt) => `- ${pt.group}, ${pt.measure}: not published by the study (${pt.missing ?? 'not reported'}). No number is invented for it.`)
      : ['- Every value the chart draws was published.']),
    '- The figures come from one online survey (2,500 respondents, self-reported). They show how answers go together, not what causes what.',
    '',
    'FILES',
    `- ${id}.csv: the figures the chart draws, as published (columns as on ${absolute('data/', site)})`,
    `- ${id}.json: this chart's metadata: figures, sources, licence, citations, addresses`,
    ...STORY_COHORTS.map((c) => `- ${id}.${c}.png and .svg: the chart with ${STORY_COHORT_LABELS[c]} emphasised`),
    '',
    'SOURCES',
    ...m.sources.map((s) => `- ${s.publisher}, “${s.title}”${s.date ? `, ${s.date}` : ''}${s.url ? `. ${s.url}` : ''}`),
    '',
    'LICENCE',
    `${m.licence.name} (${m.licence.url}). ${m.licence.chart}`,
    m.licence.quotes,
    '',
    'HOW TO CITE',
    `Chart (APA): ${m.citations.chart.apa}`,
    `Data (APA): ${m.citations.data.apa}`,
    m.citations.note,
    '',
    `The chart online: ${m.urls.page}`,
    '',
  ];
  return lines.join('\n');
}

/** 1 January 2026, 00:00 UTC: every file in a zip carries it, so a build writes the same bytes. */
const ZIP_TIME = new Date(Date.UTC(2026, 0, 1));

/** The chart's zip: its CSV, metadata, README and every image, byte for byte the same from build to build. */
export async function chartZip(id: string, site: URL | undefined): Promise<Uint8Array> {
  const files: Zippable = {
    'README.txt': [strToU8(readmeText(id, site)), { mtime: ZIP_TIME }],
    [`${id}.csv`]: [strToU8(chartCsv(id)), { mtime: ZIP_TIME }],
    [`${id}.json`]: [strToU8(`${JSON.stringify(chartMetadata(id, site), null, 2)}\n`), { mtime: ZIP_TIME }],
  };
  for (const c of STORY_COHORTS) {
    const img = chartImage(id, c, site);
    files[`${id}.${c}.png`] = [await chartPng(img), { mtime: ZIP_TIME, level: 0 }];
    files[`${id}.${c}.svg`] = [strToU8(await chartSvg(img)), { mtime: ZIP_TIME }];
  }
  return zipSync(files, { level: 9, mtime: ZIP_TIME });
}
