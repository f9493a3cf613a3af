import type { ChartPoint } from '../kit/points';
import type { ChartEntry } from '../types';
import RelativeExplainer from './RelativeExplainer.svelte';
import { inSentence } from '../../lib/format';
import { clampBaseline, cohortNote, contextArithmetic, illustrate } from './arithmetic';
import { DEFAULT_BASELINE } from './constants';
import { selectRelative, type RelativeData } from './data';

const GROUP = 'Top AI performers (full-time)';

export const relative: ChartEntry<RelativeData> = {
  id: 'relative-vs-absolute',
  title: 'Is it “88% of top AI performers” or “88% more likely”?',
  takeaway:
    'A share counts people in one group; “more likely” compares two groups, and without the published baseline it says nothing about how many people are burned out.',
  section: 'burnout',
  slide: 'columns',
  select: selectRelative,
  component: RelativeExplainer,
  island: true,
  // The note on the group chosen shows above the grids.
  shows: (d, cohort) => cohortNote(cohort, d.share.value),
  describe(d, cohort) {
    const ex = illustrate(clampBaseline(DEFAULT_BASELINE, d.maxBaseline), d.moreLikely.value);
    const c = contextArithmetic(d.context.heavy.value, d.context.none.value);
    return [
      `Two readings of the same published ${d.share.value}, drawn as grids of 100 squares.`,
      `As a share, published by ${d.share.who}: ${d.share.value} of 100 top AI performers report feeling burned out.`,
      `As a comparison, published by ${d.moreLikely.who}: top AI performers are ${d.moreLikely.value}% more likely to report burnout than colleagues who use AI less. The study did not publish the colleagues' rate.`,
      `Illustrative example with a baseline of ${ex.baseline}% chosen on a slider: ${ex.baseline} of 100 colleagues against ${ex.working}, about ${ex.people} of 100 top AI performers.`,
      `Context from a different study, ${d.context.study} as reported by ${d.context.outlet}: ${d.context.heavy.value}% of ${inSentence(d.context.heavy.group)} and ${d.context.none.value}% of ${inSentence(d.context.none.group)} reported high burnout, ${c.points} points apart, about ${c.percentMore}% more likely.`,
      cohortNote(cohort, d.share.value),
    ].join(' ');
  },
  points(d): ChartPoint[] {
    return [
      {
        key: 'share/top-ai-performers',
        series: 'Reading 1: a share',
        group: GROUP,
        side: 'full-time',
        measure: 'Say they feel burned out (a share)',
        value: d.share.value,
        unit: 'share',
        text: `${d.share.value}%`,
        source: d.share.who,
        figureId: d.share.figureId,
      },
      {
        key: 'more-likely/top-ai-performers',
        series: 'Reading 2: a comparison',
        group: GROUP,
        side: 'full-time',
        measure: 'Likelihood of reporting burnout, compared with colleagues who use AI less',
        value: d.moreLikely.value,
        unit: 'more-likely',
        text: `${d.moreLikely.value}% more likely`,
        source: d.moreLikely.who,
        figureId: d.moreLikely.figureId,
      },
      {
        key: 'baseline/colleagues',
        series: 'Reading 2: a comparison',
        group: 'Colleagues who use AI less',
        side: null,
        measure: 'Say they feel burned out (the baseline of “more likely”)',
        value: null,
        unit: 'share',
        text: null,
        source: 'The study did not publish this rate; the chart’s baseline is illustrative',
        figureId: null,
        missing: 'illustrative',
      },
      {
        key: 'share/freelancers',
        series: 'Reading 1: a share',
        group: 'Freelancers',
        side: 'freelancers',
        measure: 'Say they feel burned out',
        value: null,
        unit: 'share',
        text: null,
        source: 'The coverage of the study gives no burnout figure for freelancers',
        figureId: null,
        missing: 'not-reported',
      },
      ...[d.context.heavy, d.context.none].map((c) => ({
        key: `context/${c.figureId}`,
        series: 'A different study',
        group: `${c.group} (${d.context.study}, a different study)`,
        side: null,
        measure: 'Reported high burnout',
        value: c.value,
        unit: 'share' as const,
        text: `${c.value}%`,
        source: d.context.outlet,
        figureId: c.figureId,
      })),
    ];
  },
};
