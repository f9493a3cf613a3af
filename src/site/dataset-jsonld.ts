/**
 * schema.org `Dataset` JSON-LD for /data/ (the whole dataset) and for each /charts/<id>/ (that
 * chart's slice), so dataset search engines can list them. Typed with schema-dts; pure: the caller
 * passes the dataset and the site (for absolute URLs); nothing reads the clock. The page writes it
 * with components/JsonLd.astro, a data block outside the Content-Security-Policy's script-src.
 */
import type { DataDownload, Dataset as SchemaDataset, Organization, PropertyValue, Report, WithContext } from 'schema-dts';
import { coverageOf } from '../charts/kit/points';
import type { ChartSpec } from '../charts/types';
import { TRAIL_INFO, type TrailFigure } from '../data/trail';
import type { Dataset } from '../data/dataset';
import { figuresVersion, lastChangeOf } from '../data/changes';
import type { ContextFigure, Figure, Source } from '../data/schema';
import { figureById } from '../data/select';
import { byStudy, CONTEXT_SOURCE_IDS } from '../data/studies';
import { TOPIC_LABELS, TOPICS, UNIT_LABELS } from '../data/vocab';
import { EXPLAINER } from '../lib/citations';
import { absolute } from '../lib/paths';
import { LICENCE } from './licence';

/** Google asks for a description of 50 to 5,000 characters. */
export const DESCRIPTION_LENGTH = { min: 50, max: 5000 } as const;

export const MEASUREMENT_TECHNIQUE = 'Online survey; self-reported';

/** The date the data last changed. Until data/changes.csv exists this is the first publication. */
const DATE_PUBLISHED = EXPLAINER.published;

function creator(site: URL | undefined): Organization {
  return { '@type': 'Organization', name: EXPLAINER.author.replace(/^the\s+/i, ''), url: absolute('', site) };
}

/** The report the data is based on, from its row in data/sources.csv. */
function reportOf(sources: readonly Source[]): Report {
  const r = sources.find((s) => s.kind === 'report');
  if (!r) throw new Error('Dataset JSON-LD: data/sources.csv has no source of kind "report"');
  return {
    '@type': 'Report',
    name: r.title,
    author: r.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: r.publisher },
    ...(r.published ? { datePublished: r.published } : {}),
    ...(r.url ? { url: r.url } : {}),
  };
}

function download(name: string, path: string, encodingFormat: string, site: URL | undefined): DataDownload {
  return { '@type': 'DataDownload', name, encodingFormat, contentUrl: absolute(path, site) };
}

/** Ends a sentence with a full stop unless it already ends with one (or ? or !). */
const stop = (s: string) => (/[.?!]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function checkedDescription(text: string, where: string): string {
  if (text.length < DESCRIPTION_LENGTH.min || text.length > DESCRIPTION_LENGTH.max) {
    throw new Error(`${where}: the Dataset description has ${text.length} characters (${DESCRIPTION_LENGTH.min}–${DESCRIPTION_LENGTH.max} allowed)`);
  }
  return text;
}

/** What every Dataset block says; `modified` is the date of the last change to its figures (data/changes.csv). */
function common(data: Dataset, site: URL | undefined, modified: string) {
  return {
    creator: creator(site),
    license: LICENCE.url,
    isAccessibleForFree: true,
    inLanguage: 'en-GB',
    datePublished: DATE_PUBLISHED,
    dateModified: modified,
    isBasedOn: reportOf(data.sources),
    measurementTechnique: MEASUREMENT_TECHNIQUE,
  } satisfies Partial<SchemaDataset>;
}

const NAME = 'From Tools to Teammates (Upwork Research Institute, 2025): published figures and their sources';

/** The whole dataset, for /data/. */
export function datasetJsonLd(data: Dataset, site: URL | undefined): WithContext<SchemaDataset> {
  const topics = TOPICS.filter((t) => data.figures.some((f) => f.topic === t));
  const description = [
    `Every figure published about the Upwork Research Institute's 2025 survey of 2,500 people on AI use, burnout, quitting, trust in AI and politeness to AI at work, and how freelancers and full-time employees differ: ${data.figures.length} figures, each exactly as one of ${data.sources.filter((s) => !CONTEXT_SOURCE_IDS.has(s.id)).length} sources (the report and the pages about it) published it, with the source's own words.`,
    'Where sources read one number in two ways, both readings are listed with who gave which; where the study published no figure for a group, none is given.',
    `context.csv adds ${data.context.length} figures from other studies, not from this report, for comparison only: ${byStudy(data.context)
      .map((g) => g.study.name)
      .join('; ')}.`,
    `coverage.csv is the press trail: ${data.coverage.length} rows of how pages that retold the report worded its headline figures, and how each departs from the report's own wording.`,
    'All values are self-reported survey answers, not measured outcomes.',
    LICENCE.note,
  ].join(' ');
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: NAME,
    description: checkedDescription(description, '/data/'),
    url: absolute('data/', site),
    keywords: ['AI at work', 'burnout', 'freelancers', 'survey', 'Upwork Research Institute'],
    ...common(data, site, figuresVersion(data.changes).lastChanged),
    variableMeasured: topics.map(
      (t): PropertyValue => ({ '@type': 'PropertyValue', propertyID: t, name: TOPIC_LABELS[t], description: `${data.figures.filter((f) => f.topic === t).length} published figures about ${TOPIC_LABELS[t].toLowerCase()}` }),
    ),
    distribution: [
      download('figures.csv', 'data/figures.csv', 'text/csv', site),
      download('sources.csv', 'data/sources.csv', 'text/csv', site),
      download('context.csv', 'data/context.csv', 'text/csv', site),
      download('coverage.csv (the press trail)', 'data/coverage.csv', 'text/csv', site),
      download('figures.json', 'data/figures.json', 'application/json', site),
      download('datapackage.json (Frictionless Data Package)', 'data/datapackage.json', 'application/json', site),
    ],
  };
}

/** One chart's slice: the figures it draws, for /charts/<id>/. */
export function chartDatasetJsonLd(spec: ChartSpec, data: Dataset, site: URL | undefined): WithContext<SchemaDataset> {
  const rows: readonly (Figure | ContextFigure)[] = [...data.figures, ...data.context];
  const figures = spec.figureIds.map((id) => figureById(rows, id));
  // A chart of retellings (the press trail) draws rows of coverage.csv: one variable per headline figure it follows.
  const retold = coverageOf(spec.points);
  const trailFigures = [...new Set(retold.map((c) => c.figure))] as TrailFigure[];
  const description = [
    `${stop(spec.title)} ${stop(spec.takeaway)}`,
    figures.length
      ? `The ${figures.length === 1 ? 'figure' : `${figures.length} figures`} this chart draws from what was published about the Upwork Research Institute's 2025 survey of AI at work, each exactly as its source published it, with the source's own words.`
      : `The ${retold.length} retellings this chart draws of the headline figures of the Upwork Research Institute's 2025 survey of AI at work, each page's exact wording with how it departs from the report's own.`,
    figures.length ? 'Values are self-reported survey answers.' : 'The wording remains each page’s.',
    LICENCE.note,
  ].join(' ');
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: `${spec.title} (data)`,
    description: checkedDescription(description, `/charts/${spec.id}/`),
    url: absolute(`charts/${spec.id}/`, site),
    ...common(data, site, lastChangeOf(spec.figureIds, data.changes)),
    isPartOf: { '@type': 'Dataset', name: NAME, url: absolute('data/', site) },
    variableMeasured: [
      ...figures.map(
        (f): PropertyValue => ({ '@type': 'PropertyValue', propertyID: f.id, name: f.statement, value: f.value, unitText: UNIT_LABELS[f.unit] }),
      ),
      ...trailFigures.map(
        (f): PropertyValue => ({
          '@type': 'PropertyValue',
          propertyID: f,
          name: `How pages retold the report's figure on ${TRAIL_INFO[f].about}`,
          description: `${retold.filter((c) => c.figure === f).length} rows of coverage.csv`,
        }),
      ),
    ],
    distribution: [
      download(`${spec.id}.csv`, `data/charts/${spec.id}.csv`, 'text/csv', site),
      download(`${spec.id}.json (the chart's metadata)`, `data/charts/${spec.id}.json`, 'application/json', site),
      download(`${spec.id}.zip (data, metadata, README and images)`, `data/charts/${spec.id}.zip`, 'application/zip', site),
      download('datapackage.json (Frictionless Data Package, all the data)', 'data/datapackage.json', 'application/json', site),
    ],
  };
}

/** The JSON text for a data block: "<" escaped, so nothing in it can close the element or open a comment. */
export const jsonLdText = (value: object): string => JSON.stringify(value).replace(/</g, '\\u003c');
