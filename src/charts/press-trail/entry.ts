import type { ChartEntry } from '../types';
import { POINT_UNIT } from '../kit/points';
import Trail from './Trail.svelte';
import { selectTrail } from './data';
import { departure } from './text';
import type { TrailData, Version } from './types';

/** How a retelling departs, in a sentence. */
const how = (v: Version, rooted: boolean) =>
  v.drifts.length ? `departs: ${departure(v, rooted)}` : departure(v, rooted);
const page = (v: Version) => `${v.publisher} (${v.kindLabel}${v.journalism ? '' : ', not journalism'}; ${v.dateText})`;

export const trail: ChartEntry<TrailData> = {
  id: 'press-trail',
  title: 'How did each number change as it travelled from page to page?',
  takeaway:
    'Retold across the press, blogs and summaries, the headline numbers often changed their group, their kind of number, or the number itself.',
  section: 'reporting',
  slide: 'beside',
  select: selectTrail,
  component: Trail,
  sameInEveryCohort: true,
  describe(data) {
    // A summary per figure; each page's own wording is in the numbers table and the trails in words.
    const rows = data.rows.map((r) => {
      const root = r.root ? `the report says “${r.root.wording}”` : 'the report, as far as it could be read, gives no such number';
      const tags = new Map<string, number>();
      for (const v of r.versions) for (const d of v.drifts) tags.set(d.tag, (tags.get(d.tag) ?? 0) + 1);
      const kinds = [...tags].map(([t, n]) => `${t} ${n}`).join(', ');
      const kept = r.versions.filter((v) => !v.drifts.length).map((v) => v.publisher);
      return (
        `${r.short}${r.number ? ` (${r.number})` : ''}: ${root}; ${r.versions.length} ${r.versions.length === 1 ? 'page retold' : 'pages retold'} it, ` +
        `${r.departed} departing${kinds ? ` (${kinds})` : ''}${kept.length ? `; ${r.root ? 'kept its reading' : 'with nothing to compare'}: ${[...new Set(kept)].join(', ')}` : ''}.`
      );
    });
    const counts = data.counts.map((c) => `${c.tag}: ${c.n}`).join('; ');
    return (
      `For each headline figure, the report’s own wording and then ${data.versions} retellings on pages from ${data.publishers} publishers, in time order; ` +
      `the chart is the same whichever group you choose. How often each departure occurs: ${counts}. ${rows.join(' ')}`
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
