/**
 * Data for "How the numbers travelled": for each headline figure, the report's own wording (the
 * root) and each page's retelling of it, in time order, with how it departs. Built from
 * data/coverage.csv and data/sources.csv only; nothing is inferred here, the departures are the
 * record's (data/README.md, "The press trail").
 */
import { isByReportAuthors, reportOf } from '../../data/attribution';
import type { Dataset } from '../../data/dataset';
import type { Coverage, Source } from '../../data/schema';
import { formatDate } from '../../data/select';
import { DRIFTS, DRIFT_LABELS, TRAIL_FIGURES, TRAIL_INFO } from '../../data/trail';
import { SOURCE_KIND_LABELS, type Unit } from '../../data/vocab';
import { sideOfCohort } from '../../lib/cohort-url';
import type { TrailData, TrailRow, Version } from './types';

/** The number as the page gives it, in the site's notation. */
export function versionValue(value: number | null, reading: Unit | null): string | null {
  if (value === null || reading === null) return null;
  if (reading === 'percent') return `${value}%`;
  if (reading === 'percent_more_likely') return `${value}% more likely`;
  if (reading === 'times_as_likely') return value === 2 ? '2× (twice as likely)' : `${value}×`;
  if (reading === 'percent_increase') return `+${value}%`;
  if (reading === 'one_in') return `1 in ${value}`;
  return String(value);
}

/**
 * Time order for dates known to different precision: by the date as far as it is known; a date
 * known only to the month (or year) comes after the exact dates within it; no date comes last.
 */
export function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const pad = (d: string) => (d + '-99-99').slice(0, 10);
  return pad(a) < pad(b) ? -1 : pad(a) > pad(b) ? 1 : 0;
}

function version(row: Coverage, s: Source, report: Source | undefined): Version {
  const kind = SOURCE_KIND_LABELS[s.kind];
  const byAuthors = isByReportAuthors(s, report);
  return {
    sourceId: s.id,
    publisher: s.publisher,
    title: s.title,
    url: s.url,
    kind: s.kind,
    kindLabel: byAuthors ? 'commentary by the report’s own authors' : kind.label,
    journalism: kind.journalism,
    date: s.published,
    dateText: s.published ? formatDate(s.published) : 'date not given',
    wording: row.wording,
    group: row.group,
    cohort: row.cohort,
    side: row.cohort ? sideOfCohort(row.cohort) : null,
    value: row.value,
    reading: row.reading,
    valueText: versionValue(row.value, row.reading),
    drifts: DRIFTS.filter((d) => row.drift.includes(d)).map((term) => ({ term, tag: DRIFT_LABELS[term].tag })),
    note: row.note,
  };
}

export function selectTrail(data: Dataset): TrailData {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const report = reportOf(data.sources);
  const rows: TrailRow[] = [];
  for (const figure of TRAIL_FIGURES) {
    const all = data.coverage.filter((c) => c.figure === figure).map((c) => version(c, sources.get(c.source_id)!, report));
    if (!all.length) continue;
    const root = all.find((v) => v.kind === 'report') ?? null;
    const versions = all.filter((v) => v !== root).sort((a, b) => byDate(a.date, b.date));
    const info = TRAIL_INFO[figure];
    rows.push({
      figure,
      short: info.short,
      number: info.number,
      about: info.about,
      root,
      versions,
      departed: versions.filter((v) => v.drifts.length).length,
    });
  }
  const versions = rows.flatMap((r) => r.versions);
  const counts = DRIFTS.map((term) => ({ term, ...DRIFT_LABELS[term], n: versions.filter((v) => v.drifts.some((d) => d.term === term)).length })).filter(
    (c) => c.n > 0,
  );
  return {
    rows,
    publishers: new Set(versions.map((v) => v.publisher)).size,
    versions: versions.length,
    departed: rows.reduce((n, r) => n + r.departed, 0),
    pages: [...new Map(versions.map((v) => [v.sourceId, v])).values()],
    counts,
  };
}
