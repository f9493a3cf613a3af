/** Client-safe text helpers for the press trail (no data or build-time imports). */
import type { Version } from './types';

/** How a retelling departs, in a few words; where the report gives no wording, there is nothing to keep. */
export function departure(v: Pick<Version, 'drifts'>, rooted: boolean): string {
  if (v.drifts.length) return v.drifts.map((d) => d.tag).join(', ');
  return rooted ? 'keeps the report’s reading' : 'nothing of the report’s to compare with';
}
