import type { ChartPoint } from '../kit/points';
import type { ChartEntry } from '../types';
import QuitVisual from './QuitVisual.svelte';
import { selectQuit, type QuitData } from './data';
import { cohortNote, ratioWords } from './text';

const GROUP = 'Most productive AI users (top AI performers, full-time)';

export const quitting: ChartEntry<QuitData> = {
  id: 'quit-twice',
  title: 'Twice as likely to quit: twice what?',
  takeaway:
    'The study published a ratio, not a rate: “twice as likely” could mean a few extra people in 100 or many, and the coverage words it both as quitting and as only considering it.',
  section: 'quitting',
  slide: 'columns',
  select: selectQuit,
  component: QuitVisual,
  // The note on the group chosen shows above the bars.
  shows: (d, cohort) => cohortNote(cohort, d.ratio),
  describe(d, cohort) {
    const words = ratioWords(d.ratio);
    const readings = d.readings.map((r) => `“${words} as likely ${r.wording}”, published by ${r.who}`).join('; and ');
    const examples = d.examples.map((e) => `${d.ratio} × ${e.baseline}% = ${e.rate}%, ${e.extra} more people in every 100`);
    return [
      `Two bars with no percentage scale: colleagues who use AI less at 1×, whose rate was not published, and the most productive AI users at ${d.ratio}×. Freelancers: not reported.`,
      `The same ratio appears in two wordings: ${readings}.`,
      examples.length ? `Illustrative baselines, not published by the study: ${examples.join('; ')}.` : '',
      cohortNote(cohort, d.ratio),
    ]
      .filter(Boolean)
      .join(' ');
  },
  points(d): ChartPoint[] {
    const words = ratioWords(d.ratio);
    return [
      ...d.readings.map((r) => ({
        key: `ratio/${r.figureId}`,
        series: 'Likelihood to quit',
        group: GROUP,
        side: 'full-time' as const,
        measure: `Likelihood ${r.wording}, compared with colleagues who use AI less`,
        value: d.ratio,
        unit: 'ratio' as const,
        text: `${d.ratio}× (${words} as likely)`,
        source: r.who,
        figureId: r.figureId,
      })),
      {
        key: 'baseline/colleagues',
        series: 'Likelihood to quit',
        group: 'Colleagues who use AI less',
        side: null,
        measure: 'Share who quit or consider quitting (the baseline of the ratio)',
        value: null,
        unit: 'share',
        text: null,
        source: 'The study did not publish this rate',
        figureId: null,
        missing: 'unpublished',
      },
      {
        key: 'ratio/freelancers',
        series: 'Likelihood to quit',
        group: 'Freelancers',
        side: 'freelancers',
        measure: 'Likelihood to quit',
        value: null,
        unit: 'ratio',
        text: null,
        source: 'The coverage of the study gives no quitting figure for freelancers',
        figureId: null,
        missing: 'not-reported',
      },
    ];
  },
};
