/**
 * The emphasis of the chosen cohort, for every chart. A chart is drawn in one of two ways:
 * - on a page (`cohort` null): every cohort's emphasis is in the markup, and the page's one
 *   attribute, `<html data-cohort>` (lib/cohort.ts), picks it through emphasis.css. A mark that
 *   stands for a side carries `data-for="<side>"`; text for one cohort only carries
 *   `data-only="<cohort>"`. No script redraws anything when the reader changes cohort.
 * - in an image export (a fixed cohort): the chosen side's marks are drawn thick, bold and marked
 *   ▶ by their attributes, since an image has no page around it.
 * Layers ask `selected(side)` (true only in a fixed drawing) and `every` (a page drawing).
 */
import type { StoryCohort } from '../../lib/cohort-url';

export class Emphasis {
  constructor(readonly fixed: StoryCohort | null) {}

  /** A page drawing: every cohort's emphasis is drawn, and the page's cohort picks one by CSS. */
  get every(): boolean {
    return this.fixed === null;
  }

  /** In a fixed drawing, whether a side is the chosen one (drawn bold and marked ▶, never by colour alone). */
  selected(side: StoryCohort | null | undefined): boolean {
    return side != null && side === this.fixed;
  }

  /** The cohorts whose text a chart writes: all three on a page, the fixed one in an export. */
  cohorts(all: readonly StoryCohort[]): readonly StoryCohort[] {
    return this.fixed === null ? all : [this.fixed];
  }
}
