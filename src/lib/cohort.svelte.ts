/**
 * The story's cohort state, shared by every island on the page (islands share this module), kept in
 * the URL as ?cohort=. Values from the URL are matched against an allowlist and never written into
 * the page; anything unknown falls back to the default.
 */

export {
  STORY_COHORTS,
  DEFAULT_COHORT,
  STORY_COHORT_LABELS,
  DATA_COHORTS,
  parseCohort,
  cohortFromSearch,
  urlWithCohort,
  type StoryCohort,
} from './cohort-url';
import { DEFAULT_COHORT, parseCohort, urlWithCohort, type StoryCohort } from './cohort-url';

export const cohort = $state<{ value: StoryCohort; ready: boolean }>({ value: DEFAULT_COHORT, ready: false });

/** Reads ?cohort= once, when the first island hydrates. */
export function initCohort(): void {
  if (cohort.ready || typeof window === 'undefined') return;
  // One reading of the query: the first ?cohort= decides (as in cohortFromSearch); an unknown or
  // repeated one also leaves the address bar, so it is not copied and shared on.
  const given = new URLSearchParams(window.location.search).getAll('cohort');
  cohort.value = parseCohort(given[0]);
  cohort.ready = true;
  document.documentElement.dataset.cohort = cohort.value;
  markStatic();
  if (given.length > 1 || (given.length === 1 && given[0] !== cohort.value)) {
    history.replaceState(history.state, '', urlWithCohort(window.location.href, cohort.value));
  }
}

/** Sets the cohort and records it in the URL without adding a history entry. */
export function setCohort(next: StoryCohort): void {
  cohort.value = parseCohort(next);
  if (typeof window === 'undefined') return;
  document.documentElement.dataset.cohort = cohort.value;
  markStatic();
  history.replaceState(history.state, '', urlWithCohort(window.location.href, cohort.value));
}

/** Charts with no island (ChartEntry.static) carry the cohort on their figure as the others do. */
function markStatic(): void {
  for (const f of document.querySelectorAll<HTMLElement>('figure[data-static]')) f.dataset.cohort = cohort.value;
}
