import type { ChartEntry, NumberRow } from '../types';
import RelativeExplainer from './RelativeExplainer.svelte';
import { inSentence } from '../../lib/format';
import {
  DEFAULT_BASELINE,
  clampBaseline,
  cohortNote,
  contextArithmetic,
  illustrate,
  selectRelative,
  type RelativeData,
} from './data';

const GROUP = 'Top AI performers (full-time)';

export const relative: ChartEntry<RelativeData> = {
  id: 'relative-vs-absolute',
  title: 'Is it “88% of top AI performers” or “88% more likely”?',
  takeaway:
    'A share counts people in one group; “more likely” compares two groups, and without the published baseline it says nothing about how many people are burned out.',
  section: 'burnout',
  select: selectRelative,
  component: RelativeExplainer,
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
  numbers(d): NumberRow[] {
    return [
      {
        group: GROUP,
        measure: 'Say they feel burned out (a share)',
        value: `${d.share.value}%`,
        source: d.share.who,
        figureId: d.share.figureId,
      },
      {
        group: GROUP,
        measure: 'Likelihood of reporting burnout, compared with colleagues who use AI less',
        value: `${d.moreLikely.value}% more likely`,
        source: d.moreLikely.who,
        figureId: d.moreLikely.figureId,
      },
      {
        group: 'Colleagues who use AI less',
        measure: 'Say they feel burned out (the baseline of “more likely”)',
        value: null,
        source: 'The study did not publish this rate; the chart’s baseline is illustrative',
        figureId: null,
      },
      {
        group: 'Freelancers',
        measure: 'Say they feel burned out',
        value: null,
        source: 'The coverage of the study gives no burnout figure for freelancers',
        figureId: null,
      },
      {
        group: `${d.context.heavy.group} (${d.context.study}, a different study)`,
        measure: 'Reported high burnout',
        value: `${d.context.heavy.value}%`,
        source: d.context.outlet,
        figureId: d.context.heavy.figureId,
      },
      {
        group: `${d.context.none.group} (${d.context.study}, a different study)`,
        measure: 'Reported high burnout',
        value: `${d.context.none.value}%`,
        source: d.context.outlet,
        figureId: d.context.none.figureId,
      },
    ];
  },
  figureIds: (d) => [d.share.figureId, d.moreLikely.figureId, d.context.heavy.figureId, d.context.none.figureId],
};
