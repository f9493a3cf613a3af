/**
 * What the sentence checker knows, derived at build time from the validated dataset: every figure
 * of figures.csv (the report) and of context.csv (other studies, named as src/data/studies.ts names them), with its sources'
 * names and its trail key. The page embeds it as JSON; the command line builds it from data/.
 */
import type { Dataset } from '../data/dataset';
import type { ContextFigure, Figure, Source } from '../data/schema';
import { CONTEXT_STUDIES, studyOf } from '../data/studies';
import { TRAIL_FIGURES, type TrailFigure } from '../data/trail';
import type { CheckData, CheckFigure } from './types';

const REPORT_SOURCE = 'upwork-report';

/** "Publisher, “Title”, 2024": a source named for a reader. */
export function studyName(source: Source): string {
  const title = source.title.replace(/^\[|\]$/g, '');
  const year = source.published ? `, ${source.published.slice(0, 4)}` : '';
  return `${source.publisher}, “${title}”${year}`;
}

/** The headline figure a row is a reading of: "burnout-88" for a burnout row of value 88. */
function trailKey(topic: string, value: number): TrailFigure | null {
  const key = `${topic}-${value}`;
  return (TRAIL_FIGURES as readonly string[]).includes(key) ? (key as TrailFigure) : null;
}

export function checkerData(dataset: Dataset): CheckData {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const named = (ids: readonly string[]) => ids.map((id) => byId.get(id)?.publisher ?? id).filter((p, i, all) => all.indexOf(p) === i);
  const report = byId.get(REPORT_SOURCE);
  const row = (f: Figure | ContextFigure, otherStudy: string | null): CheckFigure => ({
    id: f.id,
    topic: f.topic,
    cohort: f.cohort,
    value: f.value,
    unit: f.unit,
    statement: f.statement,
    quote: f.quote,
    sources: named(f.source_ids),
    inReport: !otherStudy && f.source_ids.includes(REPORT_SOURCE),
    trail: otherStudy ? null : trailKey(f.topic, f.value),
    otherStudy,
  });
  const figures = [...dataset.figures.map((f) => row(f, null)), ...dataset.context.map((f) => row(f, CONTEXT_STUDIES[studyOf(f)].name))];
  if (!report) throw new Error(`data/sources.csv has no row "${REPORT_SOURCE}": the checker cites the report by it`);
  return { figures, citation: studyName(report) };
}
