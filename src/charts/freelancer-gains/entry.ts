/** The cohort comparison (cohort-comparison/) over what freelancers say AI has done for them. */
import { comparisonEntry } from '../cohort-comparison/entry';

export const freelancerGains = comparisonEntry({
  id: 'freelancer-gains',
  title: 'What do freelancers say AI has done for them?',
  takeaway:
    'Most freelancers credit AI with career gains and faster learning; for full-time employees, the only comparable figure published is 30% taking on new projects.',
  section: 'freelancers',
  topics: ['career', 'skills', 'specialization', 'new_projects'],
});
