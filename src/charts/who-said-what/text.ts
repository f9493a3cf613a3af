/** Client-safe text helpers for the Reporting chart (no data or d3 imports). */
import { andList } from '../../lib/format';
import type { Reading } from './types';

/** "The report’s summary, TweakTown and ZDNet (2 headlines)". */
export function whoText(r: Pick<Reading, 'who'>): string {
  const parts = r.who.map((w) => (w.count > 1 ? `${w.name} (${w.count} headlines)` : w.name));
  return andList(parts);
}
