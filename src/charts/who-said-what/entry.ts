import type { ChartEntry } from '../types';
import { inSentence } from '../../lib/format';
import { STORY_COHORT_LABELS } from '../../lib/cohort-url';
import Reporting from './Reporting.svelte';
import { selectReporting } from './data';
import { whoText } from './text';
import type { ReportingData } from './types';

export const reporting: ChartEntry<ReportingData> = {
  id: 'who-said-what',
  title: 'Which outlets read the same numbers in different ways?',
  takeaway:
    'Six numbers were published in two readings each; on burnout and quitting, the report’s own authors, writing in Fortune, differ from the report’s summary.',
  section: 'reporting',
  slide: 'beside',
  select: selectReporting,
  component: Reporting,
  describe(data, cohort) {
    const about = (side: string | null) => (side === cohort ? ' (about the group you chose)' : '');
    const claims = data.claims.map(
      (c) =>
        `${c.short}, ${c.number}: ` +
        c.readings
          .map((r) => `“${r.label}”${r.labelIsGroup ? '' : ` about ${inSentence(r.group)}`}${about(r.side)}, from ${whoText(r)}`)
          .join('; versus ') +
        '.',
    );
    return (
      `For each of ${data.claims.length} numbers, which sources gave which reading; ` +
      `readings about ${inSentence(STORY_COHORT_LABELS[cohort])} are emphasised. ${claims.join(' ')}`
    );
  },
  points: (data) =>
    data.claims.flatMap((c) =>
      c.readings.map((r) => ({
        key: `${c.claim}/${r.figureId}`,
        series: c.short,
        group: r.group,
        side: r.side,
        measure: `${c.short} (${c.number}), read as: ${inSentence(r.label)}`,
        value: r.amount,
        unit: r.unit,
        text: r.value,
        source: whoText(r),
        figureId: r.figureId,
      })),
    ),
};
