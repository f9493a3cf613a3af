/**
 * Data for the cohort comparison: for each topic, the full-time side (top AI performers where that
 * is the group the figure describes), freelancers and, where published, all respondents. A missing
 * cell stays null: it is drawn as "Not reported", never as zero.
 */
import { outlets, outletsVerb } from '../../data/attribution';
import { shareScale } from '../kit/scales';
import type { Dataset } from '../../data/dataset';
import type { Figure } from '../../data/schema';
import { rivals } from '../../data/select';
import { COHORT_LABELS, type Cohort, type Topic } from '../../data/vocab';
import type { StoryCohort } from '../../lib/cohort-url';
import { inSentence } from '../../lib/format';

export interface Cell {
  side: StoryCohort;
  /** The group the figure describes, in words. */
  group: string;
  /** The published figure (a share, 0–100), or null: Not reported. */
  value: number | null;
  /** Bar length as a percentage of the chart's width (0–100), from the share scale; null when not reported. */
  x: number | null;
  figureId: string | null;
  /** Outlets, "Fortune; ZDNet". */
  sources: string;
  /** Set when sources disagree about this figure: what the rival reading says. */
  disputed: string | null;
}

export interface Row {
  topic: Topic;
  /** What the figure measures, as a short phrase: "Say they feel burned out". */
  measure: string;
  cells: Cell[];
}

export interface ComparisonData {
  rows: Row[];
}

/** Short enough to fit on one line at 320 px: SVG text does not wrap. */
export const MEASURES: Partial<Record<Topic, string>> = {
  burnout: 'Feel burned out',
  trust: 'Trust AI more than coworkers',
  politeness: 'More polite to AI than to people',
  relationship: 'Relate better to AI than teammates',
  coworker: 'See AI as a coworker',
  career: 'AI helped their career',
  skills: 'AI helps them learn skills faster',
  specialization: 'AI helped them find a niche',
  new_projects: 'AI helped them take on new projects',
};

const SIDES: { side: StoryCohort; cohorts: Cohort[] }[] = [
  { side: 'full-time', cohorts: ['top_ai_performers', 'full_time'] },
  { side: 'freelancers', cohorts: ['freelancers'] },
  { side: 'all', cohorts: ['all_respondents'] },
];

function dispute(f: Figure, data: Dataset): string | null {
  const others = rivals(data.figures, f.claim).filter((r) => r.id !== f.id);
  if (!others.length) return null;
  return others
    .map((r) =>
      r.unit !== f.unit
        ? `${outletsVerb(r, data, 'reports', 'report')} it as “${r.value}% more likely”`
        : `${outletsVerb(r, data, 'gives', 'give')} it for ${inSentence(COHORT_LABELS[r.cohort])}`,
    )
    .join('; ');
}

/** A comparison over the given topics, in that order. */
export function selectComparison(data: Dataset, topics: readonly Topic[]): ComparisonData {
  return {
    rows: topics.map((topic) => ({
      topic,
      measure: MEASURES[topic] ?? topic,
      cells: SIDES.flatMap(({ side, cohorts }): Cell[] => {
        for (const c of cohorts) {
          const f = data.figures.find((x) => x.topic === topic && x.cohort === c && x.unit === 'percent');
          if (f) {
            return [
              {
                side,
                group: COHORT_LABELS[c],
                value: f.value,
                x: shareScale(f.value),
                figureId: f.id,
                sources: outlets(f, data),
                disputed: dispute(f, data),
              },
            ];
          }
        }
        // "All respondents" is shown only where a figure exists; the two cohorts always get a mark.
        if (side === 'all') return [];
        return [
          {
            side,
            group: side === 'full-time' ? COHORT_LABELS.full_time : COHORT_LABELS.freelancers,
            value: null,
            x: null,
            figureId: null,
            sources: 'The coverage of the study gives no figure for this group',
            disputed: null,
          },
        ];
      }),
    })),
  };
}
