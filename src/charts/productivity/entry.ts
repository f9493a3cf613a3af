import { format } from 'd3-format';
import { inSentence } from '../../lib/format';
import type { ChartEntry } from '../types';
import { STORY_COHORT_LABELS } from '../../lib/cohort-url';
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
  slide: 'columns',
  select: selectProductivity,
  component: Productivity,
  // Why a group's gain is missing shows under the first panel.
  shows: (data) =>
    data.index.cells
      .filter((c) => c.index === null)
      .map((c) => c.sources)
      .join(' '),
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
  points(data) {
    const { index, executives: ex, credits } = data;
    return [
      ...index.cells.map((c) => ({
        key: `gain/${c.side}`,
        series: 'Output index',
        group: c.group,
        side: c.side,
        measure: 'Productivity gain from AI, as they estimate it (self-reported)',
        value: c.gain,
        unit: 'index' as const,
        text: c.gain === null ? null : `+${c.gain}% (index ${c.index}, where before AI = ${index.base})`,
        source: c.sources,
        figureId: c.figureId,
        ...(c.gain === null ? { missing: 'not-reported' as const } : {}),
      })),
      {
        key: 'executives/share',
        series: 'Executives',
        group: ex.group,
        side: null,
        measure: 'Say they see productivity gains from AI',
        value: ex.value,
        unit: 'share' as const,
        text: `${ex.value}% (margin of error ±${pts(ex.margin)} points, worked out here)`,
        source: ex.sources,
        figureId: ex.figureId,
      },
      {
        key: 'executives/n',
        series: 'Executives',
        group: ex.group,
        side: null,
        measure: 'Number asked',
        value: ex.n,
        unit: 'count' as const,
        text: int(ex.n),
        source: ex.sampleSources,
        figureId: ex.sampleId,
      },
      ...credits.items.map((i) => ({
        key: `credit/${i.figureId}`,
        series: 'Credit for the gain',
        group: credits.group,
        side: 'full-time' as const,
        measure: `Credit for their gain: ${inSentence(i.label)}`,
        value: i.value,
        unit: 'share' as const,
        text: `${i.value}% (margin of error ±${pts(i.margin)} points, worked out here)`,
        source: credits.sources,
        figureId: i.figureId,
      })),
      {
        key: 'credit/n',
        series: 'Credit for the gain',
        group: credits.group,
        side: 'full-time' as const,
        measure: 'Number asked',
        value: credits.n,
        unit: 'count' as const,
        text: int(credits.n),
        source: credits.sampleSources,
        figureId: credits.sampleId,
      },
    ];
  },
};
