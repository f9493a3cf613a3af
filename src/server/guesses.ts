/**
 * The guesses store: adds a guess, and sums up a question in one statement (so that the count, the
 * bins and the median always describe the same rows). 20 bins of 5 points, computed in SQL: a
 * value v goes to bin floor(v / 5), and 100 joins the last bin, 95 to 100.
 */
import type { Db } from './db';
import { MIN_SHOWN } from './schemas';

export const BIN_WIDTH = 5;
export const BINS = 100 / BIN_WIDTH;

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface Tally {
  count: number;
  /** null while count < MIN_SHOWN */
  bins: Bin[] | null;
  /** null while count < MIN_SHOWN */
  median: number | null;
}

/** Stores one guess (already validated) and returns the value as stored. */
export async function addGuess(db: Db, question: string, value: number): Promise<number> {
  const rows = await db.query<{ value: number }>('insert into guesses (question, value) values ($1, $2) returning value', [question, value]);
  return Number(rows[0]!.value);
}

const SUMMARY = `
with g as (select value from guesses where question = $1),
b as (select least(floor(value / ${BIN_WIDTH}), ${BINS - 1})::int as bin, count(*)::int as n from g group by 1)
select
  (select count(*)::int from g) as count,
  (select percentile_cont(0.5) within group (order by value) from g) as median,
  (select coalesce(json_agg(json_build_array(bin, n) order by bin), '[]'::json) from b) as bins`;

/** The count of a question's guesses, and, from MIN_SHOWN on, their bins and median. */
export async function tally(db: Db, question: string): Promise<Tally> {
  const [row] = await db.query<{ count: number; median: number | null; bins: unknown }>(SUMMARY, [question]);
  const count = Number(row!.count);
  if (count < MIN_SHOWN) return { count, bins: null, median: null };
  const pairs = (typeof row!.bins === 'string' ? JSON.parse(row!.bins) : row!.bins) as [number, number][];
  const counts = new Map(pairs.map(([bin, n]) => [Number(bin), Number(n)]));
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: i * BIN_WIDTH, to: (i + 1) * BIN_WIDTH, count: counts.get(i) ?? 0 }));
  return { count, bins, median: row!.median === null ? null : Number(row!.median) };
}

/** A cheap query that fails when the database does. */
export async function healthy(db: Db): Promise<boolean> {
  const [row] = await db.query<{ ok: number }>('select 1 as ok');
  return row?.ok === 1;
}
