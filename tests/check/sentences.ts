/**
 * Sentences about the study with what the checker must say of them: every claim, in reading order,
 * with its figure (a trail key, a figures.csv id, or "not-in-report") and its departures (in the
 * order of DRIFTS). Written by hand, traps included; the unit tests, the command line and the
 * page (tests/e2e/check.spec.ts) are held to the same list.
 */
export interface ExpectedClaim {
  figure: string;
  departures: string[];
}

export const SENTENCES: { text: string; claims: ExpectedClaim[] }[] = [
  // The report's own readings.
  { text: 'The most productive AI users are 88% more likely to report burnout than colleagues who use AI less.', claims: [{ figure: 'burnout-88', departures: [] }] },
  { text: 'Top AI performers are 88% more likely to be burned out and twice as likely to quit.', claims: [{ figure: 'burnout-88', departures: [] }, { figure: 'quitting-2', departures: [] }] },
  { text: 'Among top AI performers, 67% trust AI more than their colleagues.', claims: [{ figure: 'trust-67', departures: [] }] },
  { text: '64% of top AI performers say they have a better relationship with AI than with their teammates.', claims: [{ figure: 'relationship-64', departures: [] }] },
  { text: 'Employees say they are 40% more productive when they use AI tools.', claims: [{ figure: 'productivity-40', departures: [] }] },
  { text: '85% of respondents say they are more polite to AI than to people.', claims: [{ figure: 'politeness-85', departures: [] }] },
  { text: 'A full 85% of top AI users say they are more polite to AI than to people.', claims: [{ figure: 'politeness-85', departures: [] }] },
  { text: "62% of workers are not clear how AI contributes to their company's bottom line.", claims: [{ figure: 'alignment-62', departures: [] }] },
  { text: '77% of C-suite executives say they have seen productivity gains from AI.', claims: [{ figure: 'productivity-executives', departures: [] }] },
  { text: '30% of full-time employees say AI has helped them take on new projects.', claims: [{ figure: 'new-projects-full-time', departures: [] }] },
  { text: 'The survey asked 2,500 people in 2025, including 625 freelancers.', claims: [{ figure: 'sample-all', departures: [] }, { figure: 'sample-freelancers', departures: [] }] },
  { text: 'Searches on Upwork for professionals skilled in working with AI agents rose by nearly 300% in six months.', claims: [{ figure: 'demand-agents', departures: [] }] },
  // Traps: the same number, another figure.
  { text: '88% of freelancers say AI has had a positive impact on their careers.', claims: [{ figure: 'career-freelancers', departures: [] }] },
  { text: '88% of freelancers are burned out.', claims: [{ figure: 'burnout-88', departures: ['group-widened', 'relative-as-share'] }] },
  { text: '90% of workers see AI as a coworker rather than a tool.', claims: [{ figure: 'coworker', departures: [] }] },
  { text: '90% of freelancers say AI helps them learn new skills faster.', claims: [{ figure: 'skills-freelancers', departures: [] }] },
  { text: '90% of freelancers see AI as a coworker.', claims: [{ figure: 'coworker', departures: ['group-narrowed'] }] },
  { text: '42% of freelancers credit AI with helping them specialise in a niche.', claims: [{ figure: 'specialization-freelancers', departures: [] }] },
  { text: 'With 64% of top AI performers finding AI more polite than people, the machines are winning.', claims: [{ figure: 'relationship-64', departures: ['question-changed'] }] },
  // The trail's departures.
  { text: '88% of top AI performers are burned out.', claims: [{ figure: 'burnout-88', departures: ['relative-as-share'] }] },
  { text: 'Nearly nine in ten of the most productive AI users report burnout.', claims: [{ figure: 'burnout-88', departures: ['relative-as-share'] }] },
  { text: '40% of employees say AI makes them more productive.', claims: [{ figure: 'productivity-40', departures: ['relative-as-share'] }] },
  { text: 'Top AI performers are 67% more likely to trust AI than their colleagues.', claims: [{ figure: 'trust-67', departures: ['share-as-relative'] }] },
  { text: 'Two-thirds of workers trust AI more than their colleagues.', claims: [{ figure: 'trust-67', departures: ['group-widened'] }] },
  { text: 'More than half of workers trust AI more than their human teammates.', claims: [{ figure: 'trust-67', departures: ['group-widened'] }] },
  { text: 'Heavy AI users are twice as likely to consider quitting their jobs.', claims: [{ figure: 'quitting-2', departures: ['question-changed'] }] },
  { text: 'Top AI performers are nearly twice as likely to quit.', claims: [{ figure: 'quitting-2', departures: ['number-changed'] }] },
  { text: '60% of top AI performers say they have a better relationship with AI than with their teammates.', claims: [{ figure: 'relationship-64', departures: ['number-changed'] }] },
  { text: 'Because of the pressure, top AI performers are twice as likely to quit.', claims: [{ figure: 'quitting-2', departures: ['cause-added'] }] },
  { text: 'AI boosted productivity by 40%.', claims: [{ figure: 'productivity-40', departures: ['cause-added'] }] },
  { text: 'AI is making workers 88% more likely to burn out.', claims: [{ figure: 'burnout-88', departures: ['group-widened', 'cause-added'] }] },
  { text: 'Heavy AI use makes you more likely to burn out and quit your job.', claims: [{ figure: 'burnout-88', departures: ['cause-added'] }, { figure: 'quitting-2', departures: ['cause-added'] }] },
  // A cause counts for the claim whose words it is in.
  { text: 'Among high-performing AI users, 88% report burnout due to workload, and they are twice as likely to quit.', claims: [{ figure: 'burnout-88', departures: ['relative-as-share', 'cause-added'] }, { figure: 'quitting-2', departures: [] }] },
  { text: 'AI is hurting mental health: top AI performers are 88% more likely to burn out.', claims: [{ figure: 'burnout-88', departures: ['cause-added'] }] },
  // Two claims, two figures, one of them widened.
  { text: 'Among all respondents, 67% trust AI more than their coworkers, and 85% are more polite to AI than to people.', claims: [{ figure: 'trust-67', departures: ['group-widened'] }, { figure: 'politeness-85', departures: [] }] },
  // Numbers the report does not give.
  { text: '45% of employees who use AI frequently report high burnout.', claims: [{ figure: 'not-in-report', departures: ['other-study'] }] },
  { text: 'A third of workers say they plan to quit.', claims: [{ figure: 'not-in-report', departures: ['other-study'] }] },
  { text: '71% of full-time employees are burned out, Upwork found.', claims: [{ figure: 'not-in-report', departures: ['other-study'] }] },
  { text: '81% of bosses say they have raised the bar for their teams.', claims: [{ figure: 'not-in-report', departures: ['other-study'] }] },
  { text: '77% of employees using AI say it has added to their workload.', claims: [{ figure: 'not-in-report', departures: ['other-study'] }] },
  { text: '71% of freelancers use AI to augment their work rather than automate it.', claims: [{ figure: 'augmentation', departures: [] }] },
  { text: '12% of top AI performers say they trust their manager.', claims: [{ figure: 'not-in-report', departures: [] }] },
  // No claim at all.
  { text: 'AI is changing how people work.', claims: [] },
];
