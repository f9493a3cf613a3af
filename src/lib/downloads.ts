/**
 * The downloadable files on /data/, generated from validated records at build time, so a download
 * can never disagree with the page.
 */
import Papa from 'papaparse';
import { figuresVersion } from '../data/changes';
import type { Dataset } from '../data/dataset';
import { COVERAGE_COLUMNS, FIGURE_COLUMNS, SOURCE_COLUMNS, type ContextFigure, type Coverage, type Figure, type Source } from '../data/schema';
import { byStudy } from '../data/studies';

type Cell = string | number | null | readonly string[];

function toCsv(columns: readonly string[], rows: Record<string, Cell>[]): string {
  const flat = rows.map((r) =>
    columns.map((c) => {
      const v = r[c];
      if (v === null || v === undefined) return '';
      return Array.isArray(v) ? v.join(';') : String(v);
    }),
  );
  return Papa.unparse({ fields: [...columns], data: flat }, { delimiter: ',', newline: '\n', quotes: false }) + '\n';
}

export const figuresCsv = (figures: readonly (Figure | ContextFigure)[]) =>
  toCsv(FIGURE_COLUMNS, figures as unknown as Record<string, Cell>[]);

export const sourcesCsv = (sources: readonly Source[]) =>
  toCsv(SOURCE_COLUMNS, sources as unknown as Record<string, Cell>[]);

export const coverageCsv = (rows: readonly Coverage[]) => toCsv(COVERAGE_COLUMNS, rows as unknown as Record<string, Cell>[]);

/** A chart's retellings with their pages beside them: what the press-trail chart's CSV holds. */
export const TRAIL_CSV_COLUMNS = ['figure', 'source_id', 'publisher', 'title', 'published', 'kind', 'url', 'wording', 'group', 'cohort', 'value', 'reading', 'drift', 'note'] as const;

export function trailCsv(rows: readonly Coverage[], sources: readonly Source[]): string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return toCsv(
    TRAIL_CSV_COLUMNS,
    rows.map((r) => {
      const s = byId.get(r.source_id);
      if (!s) throw new Error(`No source "${r.source_id}" in data/sources.csv`);
      return { ...r, publisher: s.publisher, title: s.title, published: s.published, kind: s.kind, url: s.url } as unknown as Record<string, Cell>;
    }),
  );
}

export function datasetJson(data: Dataset): string {
  return (
    JSON.stringify(
      {
        title: 'From Tools to Teammates (Upwork Research Institute, 2025): published figures and their sources',
        note: `Every value is exactly as a source published it. Rival readings of one number share a claim key. "context" holds figures from other studies, not from this report, for comparison only: ${byStudy(data.context)
          .map((g) => g.study.name)
          .join('; ')}.`,
        // version: the number of entries in the record of changes (/changes/); lastChanged: the newest entry's date.
        ...figuresVersion(data.changes),
        figures: data.figures,
        sources: data.sources,
        context: data.context,
      },
      null,
      2,
    ) + '\n'
  );
}

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
}
