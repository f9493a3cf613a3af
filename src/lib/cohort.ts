/**
 * The page's cohort: one attribute, `<html data-cohort>`, that every chart's emphasis follows by CSS
 * (charts/kit/emphasis.css). The server writes the default; before first paint, COHORT_SCRIPT
 * (lib/inline-scripts.ts) sets it from ?cohort= (allowlisted). This module is the one writer after
 * that (the cohort toggle); the explorer and print read it with readCohort().
 */
import { DEFAULT_COHORT, parseCohort, urlWithCohort, type StoryCohort } from './cohort-url';

/** The page's cohort, as the attribute holds it (the default on a page without one). */
export function readCohort(doc: Document = document): StoryCohort {
  return parseCohort(doc.documentElement.dataset.cohort ?? DEFAULT_COHORT);
}

/** Sets the page's cohort and records it in the URL, without adding a history entry. */
export function writeCohort(next: StoryCohort): StoryCohort {
  const cohort = parseCohort(next);
  document.documentElement.dataset.cohort = cohort;
  history.replaceState(history.state, '', urlWithCohort(location.href, cohort));
  return cohort;
}

/**
 * Leaves one valid ?cohort= in the address bar, or none for the default: an unknown or repeated
 * one is not copied and shared on. The first one given decides, as COHORT_SCRIPT read it.
 */
export function tidyCohortUrl(): void {
  const given = new URLSearchParams(location.search).getAll('cohort');
  if (given.length > 1 || (given.length === 1 && given[0] !== parseCohort(given[0]))) {
    history.replaceState(history.state, '', urlWithCohort(location.href, readCohort()));
  }
}
