/**
 * Data for "who said what": every published number that the sources read in more than one way (the
 * `claim` column of data/figures.csv), with each reading and the sources that gave it. Built from
 * figures.csv and sources.csv only.
 *
 * A reading is named by what sets it apart from its rivals, worked out from the data: a different
 * unit ("A share of the group" vs "More likely than others"), a different group ("All respondents"
 * vs "Top AI performers"), or, where only the wording differs, a short name from READING_NAMES in
 * src/data/claims.ts.
 * The reading in the report's own summary, where there is one, comes first.
 */
import { isByReportAuthors, reportOf } from '../../data/attribution';
import { READING_NAMES } from '../../data/claims';
import { CONTEXT_SOURCE_IDS } from '../../data/studies';
import { sideOfCohort } from '../../lib/cohort-url';
import { POINT_UNIT } from '../kit/points';
import type { Dataset } from '../../data/dataset';
import type { Figure, Source } from '../../data/schema';
import { claimGroups, formatValue } from '../../data/select';
import { COHORT_LABELS, TOPIC_LABELS, UNIT_LABELS, type SourceKind, type Unit } from '../../data/vocab';
import type { ClaimRow, Marker, Reading, ReportingData, ReportingSource } from './types';

/** Shapes for the readings of one number, in order: the first is filled, the second hollow. */
export const MARKERS: readonly Marker[] = ['circle', 'diamond', 'square', 'triangle'];

const UNIT_READING: Record<Unit, string> = {
  percent: `A ${UNIT_LABELS.percent}`,
  percent_more_likely: sentence(UNIT_LABELS.percent_more_likely),
  times_as_likely: sentence(UNIT_LABELS.times_as_likely),
  percent_increase: sentence(UNIT_LABELS.percent_increase),
  people: sentence(UNIT_LABELS.people),
  one_in: sentence(UNIT_LABELS.one_in),
};

/** Columns of the matrix in this order of kinds, then in sources.csv order. */
const KIND_ORDER: SourceKind[] = ['report', 'news', 'newsletter', 'opinion', 'press-release', 'podcast'];

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Short and running-text names for each source, from its publisher and kind. */
export function nameSources(sources: readonly Source[]): ReportingSource[] {
  const report = reportOf(sources);
  const base = sources.map((s) => {
    if (s.kind === 'report') return { s, short: 'Report summary', name: 'the report’s summary' };
    if (isByReportAuthors(s, report)) {
      return { s, short: `${s.publisher} (authors)`, name: `a ${s.publisher} commentary by the report’s authors` };
    }
    if (s.kind === 'newsletter') return { s, short: `${s.publisher} newsletter`, name: `${s.publisher}’s newsletter` };
    if (s.kind === 'press-release') return { s, short: `${s.publisher} press release`, name: `${s.publisher}’s press release` };
    if (s.kind === 'podcast') return { s, short: `${s.publisher} podcast`, name: `${s.publisher}’s podcast` };
    return { s, short: s.publisher, name: s.publisher };
  });
  // Two sources with one short name (ZDNet ran one text under two headlines) are numbered.
  return base.map(({ s, short, name }) => {
    const same = base.filter((b) => b.short === short);
    const nth = same.findIndex((b) => b.s.id === s.id) + 1;
    return { id: s.id, short: same.length > 1 ? `${short} ${nth}` : short, name, title: s.title };
  });
}

/** What sets each reading of one number apart from the others. */
function labels(readings: readonly Figure[]): { label: string; labelIsGroup: boolean }[] {
  const units = new Set(readings.map((r) => r.unit));
  const cohorts = new Set(readings.map((r) => r.cohort));
  return readings.map((r) => {
    const named = READING_NAMES[r.id];
    if (named) return { label: named, labelIsGroup: false };
    const parts: string[] = [];
    if (units.size > 1) parts.push(UNIT_READING[r.unit]);
    if (cohorts.size > 1) parts.push(COHORT_LABELS[r.cohort]);
    if (!parts.length) return { label: sentence(r.quote), labelIsGroup: false };
    return { label: parts.join(', '), labelIsGroup: units.size === 1 };
  });
}

/** The shared number of a claim, without the words of any one reading: "88%", "2×". */
function claimNumber(f: Figure): string {
  if (f.unit === 'times_as_likely') return `${f.value}×`;
  if (f.unit === 'people') return formatValue(f);
  return `${f.value}%`;
}

export function selectReporting(data: Dataset): ReportingData {
  // Pages of other studies are no readings of the report's numbers: left out, they cannot make two
  // sources share a short name (Upwork's 2024 press release beside its 2025 one).
  const named = nameSources(data.sources.filter((s) => !CONTEXT_SOURCE_IDS.has(s.id)));
  const groups = claimGroups(data.figures);
  const reportIds = new Set(data.sources.filter((s) => s.kind === 'report').map((s) => s.id));

  // Columns: every source that gave at least one reading, by kind, then in file order.
  const used = new Set(groups.flatMap((g) => g.readings.flatMap((r) => r.source_ids)));
  const columns = data.sources
    .filter((s) => used.has(s.id))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || data.sources.indexOf(a) - data.sources.indexOf(b))
    .map((s) => named.find((n) => n.id === s.id)!);
  const order = new Map(columns.map((c, i) => [c.id, i]));

  const claims = groups.map(({ claim, readings: rows }): ClaimRow => {
    // The report's own reading first; otherwise file order (sort is stable).
    const sorted = [...rows].sort(
      (a, b) => Number(b.source_ids.some((id) => reportIds.has(id))) - Number(a.source_ids.some((id) => reportIds.has(id))),
    );
    const names = labels(sorted);
    const readings = sorted.map((f, i): Reading => {
      const sourceIds = [...f.source_ids].sort((a, b) => order.get(a)! - order.get(b)!);
      const who = new Map<string, { name: string; count: number; titles: string[] }>();
      for (const id of sourceIds) {
        const s = named.find((n) => n.id === id)!;
        const w = who.get(s.name) ?? { name: s.name, count: 0, titles: [] };
        w.count += 1;
        w.titles.push(s.title);
        who.set(s.name, w);
      }
      return {
        figureId: f.id,
        cohort: f.cohort,
        side: sideOfCohort(f.cohort),
        group: COHORT_LABELS[f.cohort],
        label: names[i].label,
        labelIsGroup: names[i].labelIsGroup,
        value: formatValue(f),
        amount: f.value,
        unit: POINT_UNIT[f.unit],
        quote: f.quote,
        note: f.note,
        marker: MARKERS[i % MARKERS.length],
        sourceIds,
        who: [...who.values()],
      };
    });
    const cells = columns.map((c) => readings.flatMap((r, i) => (r.sourceIds.includes(c.id) ? [i] : [])));
    return {
      claim,
      topic: sorted[0].topic,
      short: TOPIC_LABELS[sorted[0].topic].split(' ')[0],
      number: claimNumber(sorted[0]),
      readings,
      cells,
    };
  });

  return { sources: columns, claims };
}

/** The ids of the sources that gave one reading of a claim (for tests and captions). */
export function sourcesForReading(data: ReportingData, claim: string, figureId: string): string[] {
  const r = data.claims.find((c) => c.claim === claim)?.readings.find((x) => x.figureId === figureId);
  return r ? [...r.sourceIds] : [];
}
