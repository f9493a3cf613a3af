import type { ChartEntry } from '../types';
import { inSentence } from '../../lib/format';
import type { Topic } from '../../data/vocab';
import { STORY_COHORT_LABELS } from '../../lib/cohort-url';
import CohortComparison from './CohortComparison.svelte';
import { selectComparison, type ComparisonData } from './data';

/** A comparison chart over some topics; the registry holds several with different topics (freelancer-gains/). */
export function comparisonEntry(o: {
  id: string;
  title: string;
  takeaway: string;
  section: string;
  topics: Topic[];
}): ChartEntry<ComparisonData> {
  return {
    id: o.id,
    title: o.title,
    takeaway: o.takeaway,
    section: o.section,
    slide: 'beside',
    select: (dataset) => selectComparison(dataset, o.topics),
    component: CohortComparison,
    describe(data, cohort) {
      const parts = data.rows.map((r) => {
        const cells = r.cells.map((c) => `${c.group}: ${c.value === null ? 'not reported' : `${c.value}%`}`);
        return `${r.measure}: ${cells.join('; ')}.`;
      });
      return `Bar chart of shares, 0 to 100%, with ${inSentence(STORY_COHORT_LABELS[cohort])} emphasised. ${parts.join(' ')}`;
    },
    points: (data) =>
      data.rows.flatMap((r) =>
        r.cells.map((c) => ({
          key: `${r.topic}/${c.side}`,
          series: r.measure,
          group: c.group,
          side: c.side,
          measure: r.measure,
          value: c.value,
          unit: 'share' as const,
          text: c.value === null ? null : `${c.value}%`,
          source: c.disputed ? `${c.sources} (sources disagree: ${c.disputed})` : c.sources,
          figureId: c.figureId,
          ...(c.value === null ? { missing: 'not-reported' as const } : {}),
        })),
      ),
  };
}

export const comparison = comparisonEntry({
  id: 'cohort-comparison',
  title: 'What did full-time employees and freelancers say about working with AI?',
  takeaway:
    'Burnout, trust and relationship figures were published only for top AI performers, career and skills figures only for freelancers: few numbers can be compared directly.',
  section: 'trust',
  topics: ['burnout', 'trust', 'politeness', 'relationship', 'career', 'skills'],
});
