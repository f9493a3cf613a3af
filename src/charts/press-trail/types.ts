/**
 * The shapes of the press-trail data, shared by the build-time selection (data.ts), the registry
 * entry and the component. Types only.
 */
import type { Cohort, SourceKind, Unit } from '../../data/vocab';
import type { Drift, TrailFigure } from '../../data/trail';
import type { StoryCohort } from '../../lib/cohort-url';

/** One page's retelling of one figure (or the report's own wording, at the root). */
export interface Version {
  sourceId: string;
  publisher: string;
  /** The headline or title as published (a [bracketed] description where it is not confirmed). */
  title: string;
  url: string | null;
  kind: SourceKind;
  /** What the page is, in words: "news report", "machine-written summary". */
  kindLabel: string;
  /** False for everything that is not a journalist's report: blogs, copies, summaries (and the report, which is never a retelling). */
  journalism: boolean;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null where the page gives no date. */
  date: string | null;
  /** "9 July 2025", "July 2025", "date not given". */
  dateText: string;
  /** The page's exact short wording. */
  wording: string;
  /** The page's words for the group, or '' where it names none. */
  group: string;
  cohort: Cohort | null;
  side: StoryCohort | null;
  /** The number as the page gives it, or null where it puts it in words only. */
  value: number | null;
  reading: Unit | null;
  /** The number as written in the numbers table: "88% more likely", "2×", "88%"; null in words only. */
  valueText: string | null;
  /** How it departs from the report's wording; empty when it keeps it. */
  drifts: { term: Drift; tag: string }[];
  note: string;
}

export interface TrailRow {
  figure: TrailFigure;
  /** "Burnout". */
  short: string;
  /** "88%", or null for numbers the report does not give. */
  number: string | null;
  about: string;
  /** The report's own wording, or null where the part of the report that could be read gives none. */
  root: Version | null;
  /** Every retelling, in time order (undated last), then in file order. */
  versions: Version[];
  /** How many versions depart from the report's wording in at least one way. */
  departed: number;
}

export interface TrailData {
  rows: TrailRow[];
  /** Distinct publishers of the versions (the report not counted). */
  publishers: number;
  /** Versions (not the report) in all. */
  versions: number;
  /** How many of them depart from the report's wording in at least one way. */
  departed: number;
  /** The pages that retold the report, each once, in the order they first appear. */
  pages: Version[];
  /** How many versions show each departure, in the vocabulary's order; zero counts left out. */
  counts: { term: Drift; tag: string; means: string; n: number }[];
}
