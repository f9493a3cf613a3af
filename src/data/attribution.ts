/**
 * Who published what, in words, for every chart and page: the report itself, its outlets, and
 * whether a source is written by the report's own authors. One place for what charts and pages
 * worked out each on their own before. Build-time: pure functions over validated rows.
 */
import type { Dataset } from './dataset';
import type { Figure, Source } from './schema';
import { sourcesOf } from './select';

/** The report itself (the one source of kind "report"), if the data has it. */
export function reportOf(sources: readonly Source[]): Source | undefined {
  return sources.find((s) => s.kind === 'report');
}

/** True for a source by the report's own authors that is not the report (a commentary). */
export function isByReportAuthors(s: Source, report: Source | undefined): boolean {
  return !!report && s.kind !== 'report' && s.authors.length > 0 && s.authors.every((a) => report.authors.includes(a));
}

/** The publishers of a figure's sources, each once, in source order. */
export function publishers(f: Pick<Figure, 'source_ids'>, data: Pick<Dataset, 'sources'>): string[] {
  return [...new Set(sourcesOf(f, data.sources).map((s) => s.publisher))];
}

/** "Fortune; TweakTown". */
export function outlets(f: Pick<Figure, 'source_ids'>, data: Pick<Dataset, 'sources'>): string {
  return publishers(f, data).join('; ');
}

/** "Fortune gives", "Fortune; TweakTown give": the verb agrees with the number of outlets. */
export function outletsVerb(f: Pick<Figure, 'source_ids'>, data: Pick<Dataset, 'sources'>, one: string, many: string): string {
  return `${outlets(f, data)} ${publishers(f, data).length === 1 ? one : many}`;
}

/** What a source is, in a few words, for the "who said it" line; '' where the outlet name says it all. */
function describeSource(s: Source, report: Source | undefined): string {
  if (s.kind === 'report') return "the report's executive summary";
  if (isByReportAuthors(s, report)) return "a commentary by the report's own authors";
  if (s.kind === 'newsletter') return 'a newsletter';
  if (s.kind === 'podcast') return 'a podcast';
  if (s.kind === 'press-release') return 'a press release';
  return '';
}

/**
 * Who published a figure, by outlet, in source order:
 * "The Upwork Research Institute (the report's executive summary); TweakTown; ZDNet".
 */
export function whoSaid(figure: Pick<Figure, 'source_ids'>, data: Pick<Dataset, 'sources'>): string {
  const report = reportOf(data.sources);
  const byOutlet = new Map<string, string[]>();
  for (const s of sourcesOf(figure, data.sources)) {
    const kinds = byOutlet.get(s.publisher) ?? [];
    const d = describeSource(s, report);
    if (d && !kinds.includes(d)) kinds.push(d);
    byOutlet.set(s.publisher, kinds);
  }
  return [...byOutlet].map(([outlet, kinds]) => (kinds.length ? `${outlet} (${kinds.join('; ')})` : outlet)).join('; ');
}
