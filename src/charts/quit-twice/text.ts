/** Client-safe text helpers for the quitting chart (no data or d3 imports). */
import type { StoryCohort } from '../../lib/cohort-url';

/** "twice" for 2, "3 times" otherwise. */
export function ratioWords(ratio: number): string {
  return ratio === 2 ? 'twice' : `${ratio} times`;
}

/** One line on which group the ratio describes, for the cohort the reader chose. */
export function cohortNote(cohort: StoryCohort, ratio: number): string {
  switch (cohort) {
    case 'full-time':
      return 'The most productive AI users are the full-time employees who report the biggest productivity gains from AI (“top AI performers”).';
    case 'freelancers':
      return 'No quitting figure was published for freelancers — Not reported. The coverage of the study gives none for that group.';
    case 'all':
      return `No quitting figure was published for all respondents: the ${ratio}× describes the most productive AI users only, a subgroup of full-time employees.`;
  }
}
