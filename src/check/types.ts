/**
 * The sentence checker's records: what it knows (CheckData, derived from data/*.csv at build time)
 * and what it says about a text (CheckResult). Client-safe: no I/O, no zod.
 */
import type { Drift, TrailFigure } from '../data/trail';
import type { Unit } from '../data/vocab';

/** One figure the checker can place a number on: a row of figures.csv or of context.csv. */
export interface CheckFigure {
  /** The row's id: the anchor of /data/#<id>. */
  id: string;
  topic: string;
  cohort: string;
  value: number;
  unit: Unit;
  /** The plain-words statement of the row. */
  statement: string;
  /** The source's own words, as recorded. */
  quote: string;
  /** The publishers of the row's sources, in order ("The Upwork Research Institute", "ZDNet"). */
  sources: string[];
  /** The row cites the report itself (source upwork-report). */
  inReport: boolean;
  /** The trail key of a headline figure ("burnout-88"), or null. */
  trail: TrailFigure | null;
  /** Set for context.csv rows: the other study, named for a reader ("Upwork's 2024 study “From Burnout to Balance”"). */
  otherStudy: string | null;
}

export interface CheckData {
  figures: CheckFigure[];
  /** How the report and its sources are cited in a suggestion: "Upwork Research Institute, “From Tools to Teammates” (2025)". */
  citation: string;
}

/** What the checker read in the words around a number, to show why it matched. */
export interface ClaimReading {
  /** The words read as the group ("top AI performers"), or null when the text names none. */
  group: string | null;
  /** The cohort those words mean, or null. */
  cohort: string | null;
  /** The words read as the question ("trust AI more"), or null. */
  question: string | null;
  /** The words read as how the number is meant ("more likely", "of"), or null. */
  reading: string | null;
  /** How the number is read: a share, "more likely", "times as likely", an increase, a count. */
  unit: Unit | 'people' | null;
  /** A link written as a cause: the words ("due to", "makes"), or null. */
  cause: string | null;
}

/** One claim the checker found: a number, or a "more likely" without one, about the study. */
export interface Claim {
  /** A trail key for the headline figures, a figures.csv id for every other figure, or "not-in-report". */
  figure: TrailFigure | string;
  /**
   * The row the card shows and links to (/data/#<id>): for a headline figure the report's own row,
   * for another figure itself, for another study's figure that row (figures.csv or context.csv id);
   * null when the number is unplaced.
   */
  figureId: string | null;
  /** The number as written (a share in percent, a ratio, a count), or null for a claim without one. */
  value: number | null;
  /** The words of the number as written ("nearly nine in ten"), or of the claim without a number. */
  text: string;
  /** Where in the checked text: text.slice(start, end). */
  start: number;
  end: number;
  /** The hedge before the number ("nearly"), or null. */
  hedge: string | null;
  /** The ways the claim departs from the report, in the trail's vocabulary, in DRIFTS order. */
  departures: Drift[];
  read: ClaimReading;
  /** A faithful wording of the figure, with its citation, or null when the number is unplaced. */
  suggestion: string | null;
}

export interface CheckedSentence {
  text: string;
  start: number;
  /** The claims in this sentence, in reading order (empty: the sentence matches nothing). */
  claims: Claim[];
}

export interface CheckResult {
  sentences: CheckedSentence[];
  /** Every claim, in reading order. */
  claims: Claim[];
}
