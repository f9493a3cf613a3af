/**
 * The public record of changes (data/changes.csv), as the site reads it: entries oldest first, each
 * with a stable anchor on /changes/, the oldest being the site's first publication. Pure: no I/O,
 * safe to import from anywhere (pages, endpoints, client code).
 *
 * Version of the figures: the number of entries in the record. It starts at 1 (the first
 * publication) and goes up by one with every entry, so a reader holding figures.json version 3
 * knows exactly which entries of /changes/ it includes; `lastChanged` is the newest entry's date.
 */
import type { ChangeRow } from './schema';

export interface Change extends ChangeRow {
  /**
   * The entry's anchor on /changes/ and the tail of its feed id: "change-2026-11-26", then
   * "change-2026-11-26-2" for a second entry the same day (in file order). Entries are only ever
   * added, so an anchor never moves to another entry.
   */
  anchor: string;
}

/** Entries oldest first (a stable sort: same-day entries keep their file order), with their anchors. */
export function orderChanges(rows: readonly ChangeRow[]): Change[] {
  const sorted = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : a.i - b.i))
    .map(({ row }) => row);
  const perDay = new Map<string, number>();
  return sorted.map((row) => {
    const n = (perDay.get(row.date) ?? 0) + 1;
    perDay.set(row.date, n);
    return { ...row, anchor: n === 1 ? `change-${row.date}` : `change-${row.date}-${n}` };
  });
}

/** The first publication: the oldest entry. The record always has one (dataset.ts checks it). */
export function firstPublication(changes: readonly Change[]): Change {
  const first = changes[0];
  if (!first) throw new Error('data/changes.csv has no entries; its first entry is the first publication');
  return first;
}

/** True when the entry touches any of these figure ids. A site-wide entry (no ids) touches none. */
const touches = (change: Change, ids: ReadonlySet<string>) => change.figure_ids.some((id) => ids.has(id));

/**
 * The newest entry after the first publication that touches any of these figures, or null when
 * they are as first published.
 */
export function lastUpdateOf(figureIds: readonly string[], changes: readonly Change[]): Change | null {
  const ids = new Set(figureIds);
  for (let i = changes.length - 1; i >= 1; i--) if (touches(changes[i], ids)) return changes[i];
  return null;
}

/**
 * The date (YYYY-MM-DD) these figures last changed: the newest entry touching any of them, else the
 * date of the first publication.
 */
export function lastChangeOf(figureIds: readonly string[], changes: readonly Change[]): string {
  const ids = new Set(figureIds);
  for (let i = changes.length - 1; i >= 0; i--) if (touches(changes[i], ids)) return changes[i].date;
  return firstPublication(changes).date;
}

/** What figures.json says of its own version (see the note at the top of this file). */
export function figuresVersion(changes: readonly Change[]): { version: number; lastChanged: string } {
  return { version: changes.length, lastChanged: changes[changes.length - 1]?.date ?? firstPublication(changes).date };
}
