import type { Locator, Page } from '@playwright/test';
import { drawnDiffers, drawnState, type DrawnState } from '../drawn';
import type { Cohort } from '../registry';
import { asRead } from './helpers';

/** The story's cohorts, the default first. */
export const COHORTS: readonly Cohort[] = ['full-time', 'freelancers', 'all'];

/** What each chart draws, by chart id then cohort. */
export type DrawnByCohort = Record<string, Partial<Record<Cohort, DrawnState>>>;

/**
 * What a chart draws once it is still: scrolled to, as a reader would see it (a story section off
 * screen is not styled until it comes near the viewport, content-visibility: auto, so a change
 * starts its transitions there only then), two frames later, and once every transition in it has
 * ended (a chosen bar grows over 260 ms unless the reader asks for reduced motion).
 */
export async function drawnWhenStill(figure: Locator): Promise<DrawnState> {
  await figure.scrollIntoViewIfNeeded();
  await figure.evaluate(async (el) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const moving = document.getAnimations().filter((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return target instanceof Node && el.contains(target);
    });
    // (A transition that a later change replaces is cancelled: its promise rejects, and it counts as ended.)
    await Promise.all(moving.map((a) => a.finished.catch(() => null)));
  });
  return figure.evaluate(drawnState);
}

/**
 * Reads what each chart draws in each cohort, in `order`, choosing each with `choose` (the toggle,
 * in the story) and reading each chart when still.
 */
export async function drawnInEachCohort(page: Page, ids: readonly string[], order: readonly Cohort[], choose: (cohort: Cohort) => Promise<void>) {
  const drawn: DrawnByCohort = Object.fromEntries(ids.map((id) => [id, {}]));
  for (const cohort of order) {
    await choose(cohort);
    for (const id of ids) drawn[id]![cohort] = await drawnWhenStill(page.locator(`figure[data-chart="${id}"]`));
  }
  return drawn;
}

/**
 * What is wrong with charts that must follow the cohort, one line each: two cohorts in which a chart
 * draws the same, and a cohort in which the description displayed is not the one its page gives for
 * that cohort (`descriptions`, by chart id then cohort).
 */
export function cohortProblems(drawn: DrawnByCohort, descriptions: Record<string, Record<Cohort, string>>): string[] {
  const problems: string[] = [];
  for (const [id, byCohort] of Object.entries(drawn)) {
    const seen = COHORTS.filter((c) => byCohort[c]);
    for (const [i, a] of seen.entries()) {
      for (const b of seen.slice(i + 1)) {
        if (!drawnDiffers(byCohort[a]!, byCohort[b]!)) problems.push(`${id}: draws the same for ${a} and ${b}`);
      }
    }
    for (const c of seen) {
      const shown = byCohort[c]!.description;
      const expected = asRead(descriptions[id]![c]);
      if (shown.length !== 1 || shown[0] !== expected) problems.push(`${id}: in ${c} describes ${JSON.stringify(shown)}, not ${JSON.stringify(expected)}`);
    }
  }
  return problems;
}
