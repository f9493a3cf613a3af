/**
 * The vocabulary of data/coverage.csv, the press trail: the headline figures whose retellings are
 * recorded (`figure`), and the ways a retelling departs from the report's own wording (`drift`).
 * data/README.md documents each term; a value outside these lists stops the build. Client-safe.
 */
import type { Unit } from './vocab';

/** The headline figures whose travels are traced, and one key for numbers the report does not give. */
export const TRAIL_FIGURES = [
  'burnout-88',
  'quitting-2',
  'trust-67',
  'politeness-85',
  'relationship-64',
  'productivity-40',
  'alignment-62',
  'not-in-report',
] as const;
export type TrailFigure = (typeof TRAIL_FIGURES)[number];

export interface TrailFigureInfo {
  /** Short name, as the chart's picker shows it: "Burnout". */
  short: string;
  /** The number as the report's page gives it: "88%", "2×"; null for numbers it does not give. */
  number: string | null;
  /** The published value a faithful retelling repeats; null for numbers the report does not give. */
  value: number | null;
  /** What was asked, in the report's sense, in a few words. */
  about: string;
}

export const TRAIL_INFO: Record<TrailFigure, TrailFigureInfo> = {
  'burnout-88': { short: 'Burnout', number: '88%', value: 88, about: 'burnout among the most productive AI users' },
  'quitting-2': { short: 'Quitting', number: '2×', value: 2, about: 'quitting among the most productive AI users' },
  'trust-67': { short: 'Trust', number: '67%', value: 67, about: 'trusting AI more than colleagues' },
  'politeness-85': { short: 'Politeness', number: '85%', value: 85, about: 'being more polite to AI than to people' },
  'relationship-64': { short: 'Relationship', number: '64%', value: 64, about: 'a better relationship with AI than with teammates' },
  'productivity-40': { short: 'Productivity', number: '40%', value: 40, about: 'the productivity gain workers report' },
  'alignment-62': { short: 'Alignment', number: '62%', value: 62, about: 'not seeing how AI use serves the company’s goals' },
  'not-in-report': { short: 'Not in the report', number: null, value: null, about: 'numbers credited to the report that it does not give' },
};

/** How a retelling departs from the report's own wording. A retelling may depart in several ways. */
export const DRIFTS = [
  'group-widened',
  'group-narrowed',
  'question-changed',
  'relative-as-share',
  'share-as-relative',
  'number-changed',
  'other-study',
  'found-nowhere-else',
  'wrong-author',
  'cause-added',
  'verbatim-copy',
] as const;
export type Drift = (typeof DRIFTS)[number];

/** Each departure in a reader's words: a short tag, and what it means. */
export const DRIFT_LABELS: Record<Drift, { tag: string; means: string }> = {
  'group-widened': { tag: 'group widened', means: 'the number is given to a larger group than the report gives it to' },
  'group-narrowed': { tag: 'group narrowed', means: 'the number is given to a smaller group than the report gives it to' },
  'question-changed': { tag: 'question changed', means: 'the number is attached to a different question than the report’s' },
  'relative-as-share': { tag: 'relative read as share', means: '“more likely” or a gain is written as a share of people' },
  'share-as-relative': { tag: 'share read as relative', means: 'a share of people is written as “more likely”' },
  'number-changed': { tag: 'number changed', means: 'a different number from the report’s' },
  'other-study': { tag: 'from another study', means: 'a number from a different study, credited to this one' },
  'found-nowhere-else': { tag: 'found nowhere else', means: 'a number credited to the report that no other source gives' },
  'wrong-author': { tag: 'wrong author', means: 'the research is credited to the wrong organisation' },
  'cause-added': { tag: 'cause added', means: 'a link the survey found is written as a cause' },
  'verbatim-copy': { tag: 'verbatim copy', means: 'the page copies another page’s text' },
};

/** Units that say how much more likely, or how much more, rather than how many people. */
export const RELATIVE_UNITS: readonly Unit[] = ['percent_more_likely', 'times_as_likely', 'percent_increase'];
