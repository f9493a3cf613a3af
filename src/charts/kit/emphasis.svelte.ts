/**
 * The emphasis of the selected cohort, for every chart: one tween, one reduced-motion rule. A side's
 * weight runs from 0 (not chosen) to 1 (chosen); when the reader switches cohort, the old side
 * eases down and the new one up, unless they prefer reduced motion. Create it during a component's
 * initialisation (the kit's owner does, in Kit.svelte).
 */
import { Tween, prefersReducedMotion } from 'svelte/motion';
import type { StoryCohort } from '../../lib/cohort-url';

export const EMPHASIS_MS = 260;
const SIDES = ['full-time', 'freelancers', 'all'] as const;

export class Emphasis {
  readonly #cohort: () => StoryCohort;
  readonly #tween: Tween<Record<StoryCohort, number>>;

  constructor(cohort: () => StoryCohort) {
    this.#cohort = cohort;
    this.#tween = Tween.of(() => Object.fromEntries(SIDES.map((s) => [s, s === cohort() ? 1 : 0])) as Record<StoryCohort, number>, {
      duration: () => (prefersReducedMotion.current ? 0 : EMPHASIS_MS),
    });
  }

  /** Whether a side is the chosen one (drawn bold and marked ▶, never by colour alone). */
  selected(side: StoryCohort | null | undefined): boolean {
    return side != null && side === this.#cohort();
  }

  /** How emphasised a side is now, 0–1, eased. */
  weight(side: StoryCohort | null | undefined): number {
    return side == null ? 0 : (this.#tween.current[side] ?? 0);
  }

  /** A length that grows from `base` to `base + extra` with the side's weight (bar thickness, radius). */
  grow(side: StoryCohort | null | undefined, base: number, extra: number): number {
    return base + extra * this.weight(side);
  }
}
