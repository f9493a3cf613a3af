/**
 * Which story cohort (the toggle's) a data cohort belongs to: top AI performers are full-time
 * employees; executives, platform data and other studies' groups belong to none.
 */
import type { StoryCohort } from '../lib/cohort-url';
import type { Cohort } from './vocab';

export function sideOfCohort(cohort: Cohort): StoryCohort | null {
  if (cohort === 'full_time' || cohort === 'top_ai_performers') return 'full-time';
  if (cohort === 'freelancers') return 'freelancers';
  if (cohort === 'all_respondents') return 'all';
  return null;
}
