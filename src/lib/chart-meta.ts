/** Build-time helpers shared by the story, embeds and gallery. */
import type { Dataset } from '../data/dataset';
import { figureById, formatDate, sourcesOf } from '../data/select';

/** "Sources: Fortune, 9 July 2025; ZDNet, July 2025", from the figures a chart draws. */
export function chartSourceLine(figureIds: readonly string[], data: Dataset): string {
  const seen = new Map<string, string>();
  for (const id of figureIds) {
    const f = figureById([...data.figures, ...data.context], id);
    for (const s of sourcesOf(f, data.sources)) {
      if (!seen.has(s.publisher)) seen.set(s.publisher, s.published ? formatDate(s.published) : 'undated');
    }
  }
  return `Sources: ${[...seen].map(([p, d]) => `${p}, ${d}`).join('; ')}`;
}
