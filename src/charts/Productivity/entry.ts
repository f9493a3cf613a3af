import { format } from 'd3-format';
import { inSentence } from '../../lib/format';
import type { ChartEntry } from '../types';
import { STORY_COHORT_LABELS } from '../../lib/cohort.svelte';
import Productivity from './Productivity.svelte';
import { selectProductivity, type ProductivityData } from './data';

const pts = format('.1f');
const int = format(',');

export const productivity: ChartEntry<ProductivityData> = {
  id: 'productivity',
  title: 'How much more productive does AI make people, by their own account?',
  takeaway:
    'Employees estimate they are 40% more productive with AI and 77% of C-suite executives say they see gains; nobody measured output, and no number was published for freelancers.',
  section: 'productivity',
  select: selectProductivity,
  component: Productivity,
  describe(data, cohort) {
    const { index, executives: ex, credits } = data;
    const cells = index.cells
      .map((c) =>
        c.index === null
          ? `${c.group}: not reported.`
          : `${c.group}: ${c.index}, which is ${index.base} plus the ${c.gain}% gain they estimated themselves; self-reported, not measured.`,
      )
      .join(' ');
    const why = index.cells.filter((c) => c.index === null).map((c) => c.sources).join(' ');
    const creditText = credits.items.map((i) => `${i.label}: ${i.value}%`).join('; ');
    return (
      `Three panels, with ${inSentence(STORY_COHORT_LABELS[cohort])} emphasised. ` +
      `First, output as an index where before AI = ${index.base}. ${cells} ${why} ` +
      `Second, on a scale from 0 to 100%: ${ex.value}% of ${inSentence(ex.group)} say they see productivity gains from AI, ` +
      `with a margin of error of ±${pts(ex.margin)} points for ${int(ex.n)} executives (a lower bound: the panel was not a random sample). ` +
      `Third, what employees credit for their gain, each ±${pts(credits.margin)} points: ${creditText}.`
    );
  },
  numbers(data) {
    const { index, executives: ex, credits } = data;
    return [
      ...index.cells.map((c) => ({
        group: c.group,
        measure: 'Productivity gain from AI, as they estimate it (self-reported)',
        value: c.gain === null ? null : `+${c.gain}% (index ${c.index}, where before AI = ${index.base})`,
        source: c.sources,
        figureId: c.figureId,
      })),
      {
        group: ex.group,
        measure: 'Say they see productivity gains from AI',
        value: `${ex.value}% (margin of error ±${pts(ex.margin)} points, worked out here)`,
        source: ex.sources,
        figureId: ex.figureId,
      },
      {
        group: ex.group,
        measure: 'Number asked',
        value: int(ex.n),
        source: ex.sampleSources,
        figureId: ex.sampleId,
      },
      ...credits.items.map((i) => ({
        group: credits.group,
        measure: `Credit for their gain: ${inSentence(i.label)}`,
        value: `${i.value}% (margin of error ±${pts(i.margin)} points, worked out here)`,
        source: credits.sources,
        figureId: i.figureId,
      })),
      {
        group: credits.group,
        measure: 'Number asked',
        value: int(credits.n),
        source: credits.sampleSources,
        figureId: credits.sampleId,
      },
    ];
  },
  figureIds: (data) => [
    ...data.index.cells.flatMap((c) => (c.figureId ? [c.figureId] : [])),
    data.executives.figureId,
    data.executives.sampleId,
    ...data.credits.items.map((i) => i.figureId),
    data.credits.sampleId,
  ],
};
