/**
 * The shapes of the "who said what" data, shared by the build-time selection (data.ts), the
 * client-safe text helpers (text.ts), the registry entry and the component. Types only.
 */
import type { Cohort, Topic } from '../../data/vocab';
import type { StoryCohort } from '../../lib/cohort-url';
import type { PointUnit } from '../kit/points';

/** The shape of a reading's marker (kit/Marker.svg.svelte): the first reading of a number is filled, the second hollow. */
export type Marker = 'circle' | 'diamond' | 'square' | 'triangle';

export interface ReportingSource {
  id: string;
  /** Column header, short: "Report summary", "ZDNet 1", "Fortune (authors)". */
  short: string;
  /** In running text: "the report’s summary", "ZDNet", "a Fortune commentary by the report’s authors". */
  name: string;
  /** The headline or title, for a tooltip. */
  title: string;
}

export interface Reading {
  figureId: string;
  cohort: Cohort;
  /** The toggle's cohort this reading is about, or null (e.g. Upwork platform data). */
  side: StoryCohort | null;
  group: string;
  /** What sets this reading apart: "A share of the group", "All respondents". */
  label: string;
  /** True when `label` already names the group, so the group need not be repeated. */
  labelIsGroup: boolean;
  /** The value as published in this reading: "88%", "88% more likely", "2×". */
  value: string;
  /** The number itself, and what kind of number it is. */
  amount: number;
  unit: PointUnit;
  quote: string;
  note: string;
  marker: Marker;
  /** Sources that gave this reading, in matrix column order. */
  sourceIds: string[];
  /** Sources grouped by outlet for running text: "ZDNet ×2". */
  who: { name: string; count: number; titles: string[] }[];
}

export interface ClaimRow {
  claim: string;
  topic: Topic;
  /** Short topic for the matrix row: "Burnout". */
  short: string;
  /** The number both readings share: "88%", "2×". */
  number: string;
  readings: Reading[];
  /** For each matrix column (ReportingData.sources), the indexes of the readings it gave (usually one or none). */
  cells: number[][];
}

export interface ReportingData {
  sources: ReportingSource[];
  claims: ClaimRow[];
}
