/**
 * Pure derivations over validated records: by cohort, by topic, rival readings, and how a value is
 * written out. No I/O; safe to import from client components.
 */
import { format } from 'd3-format';
import type { Figure, Source } from './schema';
import type { Cohort, Topic } from './vocab';

export const byCohort = <F extends { cohort: string }>(figures: readonly F[], cohort: F['cohort']): F[] =>
  figures.filter((f) => f.cohort === cohort);

export const byTopic = <F extends { topic: string }>(figures: readonly F[], topic: Topic): F[] =>
  figures.filter((f) => f.topic === topic);

/** The figure with this id; throws so that a typo in a chart's selector fails the build. */
export function figureById<F extends { id: string }>(figures: readonly F[], id: string): F {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`No figure with id "${id}" in data/figures.csv`);
  return f;
}

/** Every reading of a claim, in file order (empty for a figure without rivals). */
export function rivals(figures: readonly Figure[], claim: string | null): Figure[] {
  return claim ? figures.filter((f) => f.claim === claim) : [];
}

/** Claims with their rival readings, in the order they first appear. */
export function claimGroups(figures: readonly Figure[]): { claim: string; readings: Figure[] }[] {
  const groups = new Map<string, Figure[]>();
  for (const f of figures) if (f.claim) groups.set(f.claim, [...(groups.get(f.claim) ?? []), f]);
  return [...groups].map(([claim, readings]) => ({ claim, readings }));
}

/**
 * Rows for the /data/ table: each figure alone, or all rival readings of a claim together, in the
 * order of their first row.
 */
export function tableBlocks(figures: readonly Figure[]): Figure[][] {
  const blocks: Figure[][] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    if (!f.claim) blocks.push([f]);
    else if (!seen.has(f.claim)) {
      seen.add(f.claim);
      blocks.push(rivals(figures, f.claim));
    }
  }
  return blocks;
}

/** The figure for a cohort and topic, or null when the study published none ("Not reported"). */
export function pick(figures: readonly Figure[], topic: Topic, cohort: Cohort): Figure | null {
  return figures.find((f) => f.topic === topic && f.cohort === cohort) ?? null;
}

export function sourcesOf(figure: { source_ids: readonly string[] }, sources: readonly Source[]): Source[] {
  return figure.source_ids.map((id) => {
    const s = sources.find((x) => x.id === id);
    if (!s) throw new Error(`Unknown source "${id}"`);
    return s;
  });
}

/** Thousands separators; created on use so a module that imports another helper does not keep d3-format. */
const integer = (n: number) => format(',')(n);

/** The value as a short label: "88%", "88% more likely", "2×", "+40%", "2,500", "1 in 3". */
export function formatValue(f: Pick<Figure, 'value' | 'unit'>): string {
  switch (f.unit) {
    case 'percent':
      return `${f.value}%`;
    case 'percent_more_likely':
      return `${f.value}% more likely`;
    case 'times_as_likely':
      return `${f.value}×`;
    case 'percent_increase':
      return `+${f.value}%`;
    case 'people':
      return integer(f.value);
    case 'one_in':
      return `1 in ${f.value}`;
  }
}

/** The value written out in words for a table cell or a screen reader: "88% of the group". */
export function describeValue(f: Pick<Figure, 'value' | 'unit'>): string {
  switch (f.unit) {
    case 'percent':
      return `${f.value}% of the group`;
    case 'percent_more_likely':
      return `${f.value}% more likely than others`;
    case 'times_as_likely':
      return f.value === 2 ? 'twice as likely as others' : `${f.value} times as likely as others`;
    case 'percent_increase':
      return `a ${f.value}% increase`;
    case 'people':
      return `${integer(f.value)} people`;
    case 'one_in':
      return `1 in every ${f.value} of the group`;
  }
}

/** "9 July 2025", "July 2025", "2025", or "date not confirmed" (the editorial date style). */
export function formatDate(iso: string | null): string {
  if (!iso) return 'date not confirmed';
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const [y, m, d] = iso.split('-');
  if (d) return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
  if (m) return `${months[Number(m) - 1]} ${y}`;
  return y;
}

/**
 * 95% margin of error, in percentage points, for a share near 50% from n respondents, as if the
 * sample were simple random (FACTS.md: a lower bound for an online panel): 100 × 1.96 × √(0.25 / n),
 * so 3.92 for n = 625.
 */
export function marginOfError(n: number): number {
  return 100 * 1.96 * Math.sqrt(0.25 / n);
}

export const formatMargin = (n: number) => `±${format('.1f')(marginOfError(n))} points`;
