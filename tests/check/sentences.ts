/**
 * Sentences about the study, each with the claims the sentence checker (src/check/check.ts) should
 * find in it: the figure each is placed on (a trail key, a figures.csv id, or "not-in-report") and
 * its departures, in DRIFTS order. A placeholder until the checker places numbers: the texts are
 * real retellings' shapes, the claims are not filled in yet (only the page test reads this file,
 * and it reads the texts: tests/e2e/check.spec.ts checks that the page and the checker agree).
 */
export const SENTENCES: { text: string; claims: { figure: string; departures: string[] }[] }[] = [
  { text: 'Among high-performing AI users, 88% report burnout, and they are twice as likely to consider quitting.', claims: [] },
  { text: 'Top AI performers are 88% more likely to report burnout than their peers.', claims: [] },
  { text: '67% of workers trust AI more than their coworkers.', claims: [] },
  { text: 'Nearly nine in ten of the most productive AI users feel burned out, due to an increase in workload.', claims: [] },
  { text: 'Workers say they are 40% more productive with AI. The survey was run by Upwork.', claims: [] },
  { text: 'The survey asked workers about AI at work.', claims: [] },
];
