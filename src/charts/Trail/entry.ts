import type { ChartEntry } from '../types';
import { STORY_COHORT_LABELS } from '../../lib/cohort.svelte';
import { inSentence } from '../../lib/format';
import { POINT_UNIT } from '../kit/points';
import Trail from './Trail.svelte';
import { selectTrail } from './data';
import type { TrailData, Version } from './types';

/** How a retelling departs; where the report gives no wording of its own, there is nothing to keep. */
const how = (v: Version, rooted: boolean) =>
  v.drifts.length ? `departs: ${v.drifts.map((d) => d.tag).join(', ')}` : rooted ? 'keeps the report’s reading' : 'no wording of the report’s to compare with';
const page = (v: Version) => `${v.publisher} (${v.kindLabel}${v.journalism || v.kind === 'report' ? '' : ', not journalism'}; ${v.dateText})`;

export const trail: ChartEntry<TrailData> = {
  id: 'press-trail',
  title: 'How did each number change as it travelled from page to page?',
  takeaway:
    'Retold across the press, blogs and summaries, the headline numbers often changed their group, their kind of number, or the number itself.',
  section: 'reporting',
  slide: 'beside',
  select: selectTrail,
  component: Trail,
  describe(data, cohort) {
    const rows = data.rows.map((r) => {
      const root = r.root ? `the report says “${r.root.wording}”` : 'the report, as far as it could be read, gives no such number';
      const versions = r.versions.map((v) => `${page(v)}: “${v.wording}”, ${how(v, !!r.root)}`).join('; ');
      return `${r.short}${r.number ? ` (${r.number})` : ''}: ${root}; then ${versions}.`;
    });
    const counts = data.counts.map((c) => `${c.tag}: ${c.n}`).join('; ');
    return (
      `For each headline figure, the report’s own wording and then ${data.versions} retellings on pages from ${data.publishers} publishers, in time order; ` +
      `retellings about ${inSentence(STORY_COHORT_LABELS[cohort])} are drawn larger. How often each departure occurs: ${counts}. ${rows.join(' ')}`
    );
  },
  points: (data) =>
    data.rows.flatMap((r) => {
      const series = `${r.short}${r.number ? ` ${r.number}` : ''}`;
      const root = r.root;
      const rootPoint = root
        ? {
            key: `${r.figure}/root`,
            series,
            group: `${root.publisher} (the report)`,
            side: root.side,
            measure: `${series}, the report’s own wording: “${root.wording}”`,
            value: root.value,
            unit: POINT_UNIT[root.reading ?? 'percent'],
            text: root.valueText,
            source: `${root.publisher}, ${root.dateText}`,
            figureId: null,
            coverage: { figure: r.figure, sourceId: root.sourceId },
            ...(root.value === null ? { missing: 'in-words' as const } : {}),
          }
        : {
            key: `${r.figure}/root`,
            series,
            group: 'The report',
            side: null,
            measure: `${series}, the report’s own wording`,
            value: null,
            unit: 'share' as const,
            text: null,
            source: 'The part of the report that could be read gives no such number',
            figureId: null,
            missing: 'unpublished' as const,
          };
      return [
        rootPoint,
        ...r.versions.map((v) => ({
          key: `${r.figure}/${v.sourceId}`,
          series,
          group: page(v),
          side: v.side,
          measure: `${series}, retold as “${v.wording}” (${how(v, !!r.root)})`,
          value: v.value,
          unit: POINT_UNIT[v.reading ?? 'percent'],
          text: v.valueText,
          source: `${v.publisher}, “${v.title}”`,
          figureId: null,
          coverage: { figure: r.figure, sourceId: v.sourceId },
          ...(v.value === null ? { missing: 'in-words' as const } : {}),
        })),
      ];
    }),
};
