import { format } from 'd3-format';
import { inSentence } from '../../lib/format';
import type { ChartEntry } from '../types';
import { formatMargin } from '../../data/select';
import { STORY_COHORT_LABELS } from '../../lib/cohort-url';
import Sample from './Sample.svelte';
import { selectSample, type SampleData } from './data';

const int = format(',');

export const sample: ChartEntry<SampleData> = {
  id: 'who-was-asked',
  title: 'Who answered the survey, and how precise can their answers be?',
  takeaway:
    'Half of the 2,500 people asked were C-suite executives; a figure for the 625 full-time employees or the 625 freelancers is uncertain by at least ±3.9 points, and for top AI performers by more.',
  section: 'methodology',
  select: selectSample,
  component: Sample,
  describe(data, cohort) {
    const parts = data.parts.map((g) => `${g.group}: ${int(g.n)}, margin of error ${formatMargin(g.n)}`).join('; ');
    const sub = data.subgroup;
    return (
      `Bars along one scale of ${int(data.total.n)} people, with ${inSentence(STORY_COHORT_LABELS[cohort])} emphasised. ` +
      `${data.total.group}: ${int(data.total.n)}, margin of error ${formatMargin(data.total.n)}. ${parts}. ` +
      `${sub.group}, a subgroup of the ${int(sub.parentN)} ${inSentence(sub.parent)}: number not published, so the margin of error is unknown and larger than ${formatMargin(sub.parentN)}. ` +
      `Margins of error are worked out here as if each group were a random sample; it was an online panel, so they are lower bounds.`
    );
  },
  points(data) {
    const sub = data.subgroup;
    return [
      ...[data.total, ...data.parts].map((g) => ({
        key: `n/${g.cohort}`,
        series: 'People asked',
        group: g.group,
        side: g.side,
        measure: `People asked (margin of error for a share, worked out here: ${formatMargin(g.n)})`,
        value: g.n,
        unit: 'count' as const,
        text: int(g.n),
        source: g.sources,
        figureId: g.figureId,
      })),
      {
        key: `n/${sub.cohort}`,
        series: 'People asked',
        group: `${sub.group} (some of the ${inSentence(sub.parent)})`,
        side: sub.side,
        measure: 'People asked (margin of error unknown)',
        value: null,
        unit: 'count' as const,
        text: null,
        source: 'The coverage of the study does not give the size of this subgroup',
        figureId: null,
        missing: 'not-reported' as const,
      },
    ];
  },
};
