/**
 * The checker scored on the press trail: each retelling of data/coverage.csv, fed its own wording
 * (with the page's words for the group in front where the wording lacks them), against the figure
 * and the departures recorded by hand. Only departures a sentence alone can show are compared:
 * a verbatim copy, a wrong author or a number found nowhere else needs other pages to see.
 */
import type { Coverage } from '../data/schema';
import { DRIFTS, type Drift } from '../data/trail';
import type { CheckResult } from './types';

/** Departures the checker is not asked to see: they need other pages, not the sentence. */
export const UNSEEN: readonly Drift[] = ['verbatim-copy', 'wrong-author', 'found-nowhere-else'];
const REPORT = 'upwork-report';

export interface ScoredRow {
  source: string;
  figure: string;
  input: string;
  want: Drift[];
  /** The departures of the checker's claim on the row's figure, or null when it found none there. */
  got: Drift[] | null;
  ok: boolean;
  /** The figures the checker found in the text, for the record of a miss. */
  found: string[];
}

export interface Score {
  rows: ScoredRow[];
  total: number;
  exact: number;
  perFigure: Record<string, { total: number; exact: number }>;
  /** For each departure: how often it was recorded, found where recorded, and flagged where not recorded. */
  perDeparture: Record<string, { recorded: number; found: number; extra: number }>;
  /** The report's own rows: the departures the checker flagged on them (must be none). */
  reportFlags: { input: string; departures: Drift[] }[];
}

/** The text the checker is fed for a row: its wording, with the group in front when the wording lacks it. */
export function scoredInput(row: Pick<Coverage, 'wording' | 'group'>): string {
  const group = row.group?.trim();
  return group && !row.wording.toLowerCase().includes(group.toLowerCase()) ? `${group}: ${row.wording}` : row.wording;
}

export function score(coverage: readonly Coverage[], check: (text: string) => CheckResult): Score {
  const rows: ScoredRow[] = [];
  const reportFlags: Score['reportFlags'] = [];
  for (const row of coverage) {
    const input = scoredInput(row);
    const result = check(input);
    if (row.source_id === REPORT) {
      const flagged = result.claims.flatMap((c) => c.departures);
      if (flagged.length) reportFlags.push({ input, departures: flagged });
      continue;
    }
    const want = DRIFTS.filter((d) => row.drift.includes(d) && !UNSEEN.includes(d));
    const claim = result.claims.find((c) => c.figure === row.figure);
    const got = claim ? DRIFTS.filter((d) => claim.departures.includes(d) && !UNSEEN.includes(d)) : null;
    const ok = got !== null && got.join() === want.join();
    rows.push({ source: row.source_id, figure: row.figure, input, want, got, ok, found: result.claims.map((c) => c.figure) });
  }
  const perFigure: Score['perFigure'] = {};
  const perDeparture: Score['perDeparture'] = {};
  for (const d of DRIFTS) if (!UNSEEN.includes(d)) perDeparture[d] = { recorded: 0, found: 0, extra: 0 };
  for (const r of rows) {
    const f = (perFigure[r.figure] ??= { total: 0, exact: 0 });
    f.total++;
    if (r.ok) f.exact++;
    for (const d of Object.keys(perDeparture) as Drift[]) {
      const recorded = r.want.includes(d);
      const flagged = r.got?.includes(d) ?? false;
      if (recorded) perDeparture[d]!.recorded++;
      if (recorded && flagged) perDeparture[d]!.found++;
      if (!recorded && flagged) perDeparture[d]!.extra++;
    }
  }
  return { rows, total: rows.length, exact: rows.filter((r) => r.ok).length, perFigure, perDeparture, reportFlags };
}

/** The score as a plain-text table, for the command line and the closing record. */
export function scoreText(s: Score): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const lines = [`Retellings with exactly the recorded figure and departures: ${s.exact} of ${s.total} (${pct(s.exact, s.total)})`, '', 'By figure:'];
  for (const [f, v] of Object.entries(s.perFigure)) lines.push(`  ${f.padEnd(18)} ${String(v.exact).padStart(3)} of ${String(v.total).padEnd(3)} ${pct(v.exact, v.total)}`);
  lines.push('', 'By departure (recorded; found where recorded; flagged where not recorded):');
  for (const [d, v] of Object.entries(s.perDeparture)) lines.push(`  ${d.padEnd(18)} ${String(v.recorded).padStart(3)} recorded, ${String(v.found).padStart(3)} found, ${v.extra} extra`);
  lines.push('', `Departures flagged on the report's own wording: ${s.reportFlags.length}`);
  const misses = s.rows.filter((r) => !r.ok);
  if (misses.length) {
    lines.push('', 'Misses:');
    for (const m of misses) lines.push(`  ${m.source} ${m.figure}: recorded [${m.want.join(', ')}], found ${m.got ? `[${m.got.join(', ')}]` : `no claim on it (found ${m.found.join(', ') || 'nothing'})`}`, `    “${m.input}”`);
  }
  return lines.join('\n');
}
