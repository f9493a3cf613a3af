/**
 * /data/datapackage.json: a Frictionless Tabular Data Package (v1) describing the four CSV files
 * served beside it (figures.csv, sources.csv, context.csv, coverage.csv). Each table schema is derived from the
 * files' column lists and zod row schemas (src/data/schema.ts) and the vocabularies (vocab.ts,
 * claims.ts), so a new column, vocabulary term or claim reaches the package without editing it.
 * Pure: the caller passes the dataset and the site's absolute /data/ URL; nothing reads the clock.
 */
import type { ZodTypeAny } from 'zod';
import { CLAIM_LABELS } from '../data/claims';
import type { Dataset } from '../data/dataset';
import { contextRow, COVERAGE_COLUMNS, coverageRow, FIGURE_COLUMNS, figureRow, SOURCE_COLUMNS, sourceRow } from '../data/schema';
import { DRIFTS, TRAIL_FIGURES } from '../data/trail';
import { byStudy } from '../data/studies';
import { CONTEXT_ROW_COHORTS, COHORTS, SOURCE_KINDS, TOPICS, UNITS } from '../data/vocab';
import { EXPLAINER } from '../lib/citations';
import { LICENCE } from './licence';

/** A Table Schema field (the parts of Table Schema v1 this package uses). */
export interface TableField {
  name: string;
  title?: string;
  description: string;
  type: 'string' | 'number';
  format?: 'default' | 'uri';
  constraints?: {
    required?: boolean;
    unique?: boolean;
    pattern?: string;
    enum?: string[];
    minimum?: number;
  };
}

export interface TableSchema {
  fields: TableField[];
  primaryKey: string | string[];
  missingValues: string[];
  foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[];
}

export interface TabularResource {
  profile: 'tabular-data-resource';
  name: string;
  path: string;
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  dialect: { delimiter: string; lineTerminator: string; quoteChar: string; doubleQuote: boolean; header: boolean };
  schema: TableSchema;
}

export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  homepage: string;
  created: string;
  keywords: string[];
  contributors: { title: string; role: string; path?: string }[];
  licenses: { name: string; title: string; path: string }[];
  sources: { title: string; path?: string }[];
  resources: TabularResource[];
}

// Table Schema patterns are XML Schema regular expressions: they match the whole value (no ^ or $)
// and have no (?:…) groups.
const SLUG = '[a-z0-9]+(-[a-z0-9]+)*';
const SLUG_LIST = `${SLUG}(;${SLUG})*`;
const PARTIAL_DATE = '\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?';

/**
 * A column is required when its zod schema rejects an empty cell: read from schema.ts itself, so
 * the package says "required" exactly where the build does.
 */
function requiredIn(shape: Record<string, ZodTypeAny>, column: string): boolean {
  const field = shape[column];
  if (!field) throw new Error(`datapackage: column "${column}" has no zod schema`);
  return !field.safeParse('').success;
}

type Described = Omit<TableField, 'name' | 'constraints'> & { constraints?: Omit<NonNullable<TableField['constraints']>, 'required'> };

function fieldsOf(columns: readonly string[], shape: Record<string, ZodTypeAny>, about: Record<string, Described>): TableField[] {
  const extra = Object.keys(about).filter((k) => !columns.includes(k));
  if (extra.length) throw new Error(`datapackage: fields ${extra.join(', ')} are not columns`);
  return columns.map((name) => {
    const d = about[name];
    if (!d) throw new Error(`datapackage: column "${name}" is not described`);
    const required = requiredIn(shape, name);
    const constraints = { ...(required ? { required: true } : {}), ...d.constraints };
    return { name, ...d, ...(Object.keys(constraints).length ? { constraints } : {}) };
  });
}

function figureFields(cohorts: readonly string[], shape: Record<string, ZodTypeAny>): TableField[] {
  return fieldsOf(FIGURE_COLUMNS, shape, {
    id: { type: 'string', description: 'The figure\'s id, a lower-case slug; unique in the file.', constraints: { unique: true, pattern: SLUG } },
    topic: { type: 'string', description: 'What the figure is about (data/README.md lists each topic).', constraints: { enum: [...TOPICS] } },
    cohort: { type: 'string', description: 'The group of people the figure describes.', constraints: { enum: [...cohorts] } },
    value: {
      type: 'number',
      description: 'The number exactly as the source published it; read it with `unit`.',
      constraints: { minimum: 0 },
    },
    unit: { type: 'string', description: 'What the value counts: a share of the group, "more likely", "times as likely", an increase, people, or a share written "1 in N" (the value is N).', constraints: { enum: [...UNITS] } },
    statement: { type: 'string', description: 'The figure in one plain sentence, as the site words it.' },
    source_ids: {
      type: 'string',
      description:
        "The ids of the sources that published the figure, separated by ';' (each is an `id` in sources.csv). A list cannot be declared as a foreign key in Table Schema v1, so it is checked by the site's build instead.",
      constraints: { pattern: SLUG_LIST },
    },
    quote: { type: 'string', description: "The source's own words for the figure (they remain the source's)." },
    note: { type: 'string', description: 'What a reader should know about the figure; may be empty.' },
    claim: {
      type: 'string',
      description: 'Empty, or the key shared by rival readings of one published number.',
      constraints: { enum: Object.keys(CLAIM_LABELS) },
    },
  });
}

function sourceFields(shape: Record<string, ZodTypeAny>): TableField[] {
  return fieldsOf(SOURCE_COLUMNS, shape, {
    id: { type: 'string', description: "The source's id, a lower-case slug; unique in the file.", constraints: { unique: true, pattern: SLUG } },
    publisher: { type: 'string', description: 'Who published it.' },
    title: { type: 'string', description: 'Its title as published.' },
    url: { type: 'string', format: 'uri', description: 'Its https:// address; empty where no address is confirmed.', constraints: { pattern: 'https://\\S+' } },
    published: {
      type: 'string',
      description: 'When it was published, as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD (so a string, not a date); may be empty.',
      constraints: { pattern: PARTIAL_DATE },
    },
    kind: { type: 'string', description: 'What kind of source it is.', constraints: { enum: [...SOURCE_KINDS] } },
    authors: { type: 'string', description: "Its authors, separated by ';'; may be empty." },
    note: { type: 'string', description: 'What a reader should know about the source; may be empty.' },
  });
}

function coverageFields(shape: Record<string, ZodTypeAny>): TableField[] {
  return fieldsOf(COVERAGE_COLUMNS, shape, {
    source_id: { type: 'string', description: 'The page that retold the figure: an `id` in sources.csv.', constraints: { pattern: SLUG } },
    figure: { type: 'string', description: 'The headline figure retold (data/README.md lists each).', constraints: { enum: [...TRAIL_FIGURES] } },
    wording: { type: 'string', description: "The page's exact short wording of the figure (it remains the page's)." },
    group: { type: 'string', description: "The page's own words for who the number is about; may be empty." },
    cohort: { type: 'string', description: 'The survey cohort those words plainly mean; empty where they match none.', constraints: { enum: [...COHORTS] } },
    value: { type: 'number', description: 'The number as the page gives it in digits; empty where it puts it in words.', constraints: { minimum: 0 } },
    reading: { type: 'string', description: 'How the page reads the number, in the unit vocabulary of figures.csv; empty where it gives no number.', constraints: { enum: [...UNITS] } },
    drift: {
      type: 'string',
      description: "How the retelling departs from the report's own wording, separated by ';' (data/README.md lists each term); empty where it keeps it.",
      constraints: { pattern: `(${DRIFTS.join('|')})(;(${DRIFTS.join('|')}))*` },
    },
    note: { type: 'string', description: 'What a reader should know about the retelling; may be empty.' },
  });
}

const DIALECT = { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true };

function resource(name: string, title: string, description: string, schema: TableSchema): TabularResource {
  return { profile: 'tabular-data-resource', name, path: `${name}.csv`, title, description, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: DIALECT, schema };
}

/** The package for a validated dataset; `homepage` is the absolute URL of /data/. */
export function dataPackage(data: Dataset, homepage: string): DataPackage {
  const figureShape = figureRow.innerType().shape;
  const contextShape = contextRow.innerType().shape;
  const sourceShape = sourceRow.shape;
  const coverageShape = coverageRow.innerType().shape;
  const report = data.sources.find((s) => s.kind === 'report');
  return {
    profile: 'tabular-data-package',
    name: 'tools-to-teammates-figures',
    title: 'From Tools to Teammates (Upwork Research Institute, 2025): published figures and their sources',
    description: [
      `Every figure published about ${report ? `"${report.title}", the Upwork Research Institute's survey of 2,500 people (${report.published})` : 'the survey'}, exactly as a source published it, with the source's own words and the rival readings where sources disagree; the sources themselves; and figures from other studies, not from this report, used only as labelled context: ${byStudy(data.context)
        .map((g) => g.study.name)
        .join('; ')}.`,
      "figures.source_ids and context.source_ids are ';'-separated lists of sources.id: Table Schema v1 has no foreign key for a list, so the site's build checks that every id names a source.",
      "coverage.csv is the press trail: each page's exact wording of each headline figure, and how it departs from the report's own wording.",
      'Values are self-reported survey results, not measurements.',
      LICENCE.note,
    ].join(' '),
    homepage,
    created: `${EXPLAINER.published}T00:00:00Z`,
    keywords: ['AI at work', 'burnout', 'freelancers', 'survey', 'Upwork Research Institute'],
    contributors: [{ title: EXPLAINER.author.replace(/^the\s+/i, ''), role: 'author' }],
    licenses: [{ name: LICENCE.id, title: LICENCE.title, path: LICENCE.url }],
    sources: data.sources.map((s) => ({ title: `${s.publisher}: ${s.title}`, ...(s.url ? { path: s.url } : {}) })),
    resources: [
      resource('figures', 'Published figures', 'One figure per row, exactly as a source published it.', {
        fields: figureFields(COHORTS, figureShape),
        primaryKey: 'id',
        missingValues: [''],
      }),
      resource('sources', 'Sources', "One source per row: the report, news articles, newsletters, podcasts, press releases, and the blogs, copies and summaries that retold it; and the pages that context.csv's figures from other studies were read in.", {
        fields: sourceFields(sourceShape),
        primaryKey: 'id',
        missingValues: [''],
      }),
      resource('context', 'Context from other studies', "Figures from other studies, not from this report, used only as labelled context. A row's study is known by the sources it cites.", {
        fields: figureFields(CONTEXT_ROW_COHORTS, contextShape),
        primaryKey: 'id',
        missingValues: [''],
      }),
      resource('coverage', 'The press trail', "One page's retelling of one headline figure per row, with how it departs from the report's own wording.", {
        fields: coverageFields(coverageShape),
        primaryKey: ['source_id', 'figure'],
        missingValues: [''],
        // One id per cell, unlike figures.source_ids: this one can be a foreign key.
        foreignKeys: [{ fields: 'source_id', reference: { resource: 'sources', fields: 'id' } }],
      }),
    ],
  };
}
