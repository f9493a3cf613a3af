/**
 * Row schemas for data/*.csv. Each takes the raw strings of one CSV row and returns a typed record;
 * nothing past this file sees a number as a string. Cross-row rules (unique ids, known sources,
 * claim groups) live in dataset.ts.
 */
import { z } from 'zod';
import { CLAIM_LABELS } from './claims';
import { DRIFTS, TRAIL_FIGURES } from './trail';
import { CONTEXT_ROW_COHORTS, COHORTS, SOURCE_KINDS, TOPICS, UNITS } from './vocab';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be a lower-case slug such as "trust-top"');
const text = z.string().trim().min(1, 'must not be empty');

/** A published number exactly as written: digits, an optional decimal part, nothing else. */
const published = z
  .string()
  .regex(/^\d+(?:\.\d+)?$/, 'must be a plain number such as 88 or 2.5 (no %, commas or words)')
  .transform(Number);

const ids = z
  .string()
  .transform((s) => s.split(';').map((x) => x.trim()))
  .pipe(z.array(slug).min(1, 'must name at least one source'));

const optionalSlug = z
  .string()
  .refine((s) => s === '' || SLUG.test(s), 'must be empty or a lower-case slug')
  .transform((s) => (s === '' ? null : s));

/** Empty, or a claim key listed (with its label) in claims.ts. */
const claim = optionalSlug.refine(
  (s) => s === null || Object.hasOwn(CLAIM_LABELS, s),
  'is not a claim listed in src/data/claims.ts; add the claim there with its label',
);

function figureSchema<C extends readonly [string, ...string[]]>(cohorts: C) {
  return z
    .object({
      id: slug,
      topic: z.enum(TOPICS),
      cohort: z.enum(cohorts),
      value: published,
      unit: z.enum(UNITS),
      statement: text,
      source_ids: ids,
      quote: text,
      note: z.string().trim(),
      claim,
    })
    .superRefine((row, ctx) => {
      if (row.unit === 'percent' && row.value > 100) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${row.value} is a percent above 100` });
      }
      if (row.unit === 'times_as_likely' && row.value === 0) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'a ratio of 0 is not a published ratio' });
      }
      if (row.unit === 'people' && !Number.isInteger(row.value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'a count of people must be whole' });
      }
      if (row.unit === 'one_in' && (!Number.isInteger(row.value) || row.value < 2)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `"1 in ${row.value}" is not a share in that form: the N of "1 in N" is a whole number of at least 2` });
      }
    });
}

export const figureRow = figureSchema(COHORTS);
// A context row may name a survey cohort as well as a context group: another study may have asked
// the same kind of group. A context group is never a cohort of the survey (figureRow rejects it).
export const contextRow = figureSchema(CONTEXT_ROW_COHORTS);

export const sourceRow = z.object({
  id: slug,
  publisher: text,
  title: text,
  url: z
    .string()
    .trim()
    .refine((s) => s === '' || /^https:\/\/[^\s"<>]+$/.test(s), 'must be empty or an https:// address')
    .transform((s) => (s === '' ? null : s)),
  published: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(s),
      'must be empty or a date as YYYY, YYYY-MM or YYYY-MM-DD',
    )
    .transform((s) => (s === '' ? null : s)),
  kind: z.enum(SOURCE_KINDS),
  authors: z
    .string()
    .transform((s) => s.split(';').map((x) => x.trim()).filter(Boolean)),
  note: z.string().trim(),
});

/** A real calendar date written YYYY-MM-DD (2026-02-30 is rejected, not rolled over). */
const isoDate = z
  .string()
  .trim()
  .refine((s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.toISOString().slice(0, 10) === s;
  }, 'must be a real date written YYYY-MM-DD');

/** One entry of data/changes.csv. Which ids exist, and the date against today, are checked in dataset.ts. */
export const changeRow = z.object({
  date: isoDate,
  // Empty for an entry about the whole site (the first publication, say).
  figure_ids: z
    .string()
    .transform((s) => (s.trim() === '' ? [] : s.split(';').map((x) => x.trim())))
    .pipe(z.array(slug)),
  what: text,
  why: text,
  source_id: optionalSlug,
});

/** Empty, or a term of `terms`; read as null when empty. */
const optionalTerm = <T extends readonly [string, ...string[]]>(terms: T) =>
  z
    .string()
    .refine((s) => s === '' || (terms as readonly string[]).includes(s), `must be empty or one of: ${terms.join(', ')}`)
    .transform((s) => (s === '' ? null : (s as T[number])));

/**
 * One retelling of a headline figure on one page (data/coverage.csv). Which source ids exist, and
 * whether the departures recorded fit the report's own row, are checked in dataset.ts.
 */
export const coverageRow = z
  .object({
    source_id: slug,
    figure: z.enum(TRAIL_FIGURES),
    wording: text,
    group: z.string().trim(),
    cohort: optionalTerm(COHORTS),
    value: z
      .string()
      .refine((s) => s === '' || /^\d+(?:\.\d+)?$/.test(s), 'must be empty or a plain number such as 88 or 2.5 (no %, commas or words)')
      .transform((s) => (s === '' ? null : Number(s))),
    reading: optionalTerm(UNITS),
    drift: z
      .string()
      .transform((s) => (s.trim() === '' ? [] : s.split(';').map((x) => x.trim())))
      .pipe(z.array(z.enum(DRIFTS))),
    note: z.string().trim(),
  })
  .superRefine((row, ctx) => {
    if (row.value !== null && row.reading === null) {
      ctx.addIssue({ code: 'custom', path: ['reading'], message: 'must say how the page reads its number (a unit such as percent)' });
    }
    if (row.reading === 'percent' && row.value !== null && row.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${row.value} is a percent above 100` });
    }
    if (new Set(row.drift).size !== row.drift.length) {
      ctx.addIssue({ code: 'custom', path: ['drift'], message: 'names one departure twice' });
    }
  });

export type Figure = z.output<typeof figureRow>;
export type Coverage = z.output<typeof coverageRow>;
export type ContextFigure = z.output<typeof contextRow>;
export type Source = z.output<typeof sourceRow>;
export type ChangeRow = z.output<typeof changeRow>;

/** The column order of each file, as written in data/README.md and in the downloads. */
export const FIGURE_COLUMNS = ['id', 'topic', 'cohort', 'value', 'unit', 'statement', 'source_ids', 'quote', 'note', 'claim'] as const;
export const SOURCE_COLUMNS = ['id', 'publisher', 'title', 'url', 'published', 'kind', 'authors', 'note'] as const;
export const CHANGE_COLUMNS = ['date', 'figure_ids', 'what', 'why', 'source_id'] as const;
export const COVERAGE_COLUMNS = ['source_id', 'figure', 'wording', 'group', 'cohort', 'value', 'reading', 'drift', 'note'] as const;
