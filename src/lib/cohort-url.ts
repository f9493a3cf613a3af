/**
 * The cohort as it lives in the URL (?cohort=), with no reactive state: safe for plain scripts as
 * well as islands. Values from the URL are matched against an allowlist and never written into the
 * page; anything unknown falls back to the default.
 */
import type { Cohort } from '../data/vocab';

export const STORY_COHORTS = ['full-time', 'freelancers', 'all'] as const;
export type StoryCohort = (typeof STORY_COHORTS)[number];
export const DEFAULT_COHORT: StoryCohort = 'full-time';

export const STORY_COHORT_LABELS: Record<StoryCohort, string> = {
  'full-time': 'Full-time employees',
  freelancers: 'Freelancers',
  all: 'All respondents',
};

/** The data cohorts a story cohort covers: top AI performers are a subgroup of full-time employees. */
export const DATA_COHORTS: Record<StoryCohort, readonly Cohort[]> = {
  'full-time': ['full_time', 'top_ai_performers'],
  freelancers: ['freelancers'],
  all: ['all_respondents'],
};

/** The story cohort a data cohort belongs to (the inverse of DATA_COHORTS); none for executives, platform data and other studies' groups. */
export function sideOfCohort(cohort: Cohort): StoryCohort | null {
  const side = STORY_COHORTS.find((s) => (DATA_COHORTS[s] as readonly string[]).includes(cohort));
  return side ?? null;
}

/** Allowlist parse: returns a known cohort or the default; never echoes its input. */
export function parseCohort(value: string | null | undefined): StoryCohort {
  return (STORY_COHORTS as readonly string[]).includes(value ?? '') ? (value as StoryCohort) : DEFAULT_COHORT;
}

export function cohortFromSearch(search: string): StoryCohort {
  try {
    return parseCohort(new URLSearchParams(search).get('cohort'));
  } catch {
    return DEFAULT_COHORT;
  }
}

/** The URL with ?cohort= set (or removed for the default), keeping path, other params and hash. */
export function urlWithCohort(href: string, cohort: StoryCohort): string {
  const url = new URL(href);
  if (cohort === DEFAULT_COHORT) url.searchParams.delete('cohort');
  else url.searchParams.set('cohort', cohort);
  return url.toString();
}

