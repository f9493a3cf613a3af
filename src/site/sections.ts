/**
 * The story's sections, in the order they appear on /: each section's element id (set in its own
 * file in src/sections/, which also holds its full headline), the short title that the table of
 * contents on / and the teaching kit on /teach/ both use, and /teach/'s discussion questions for it.
 * Every number in a question is read from data/ through FigureWords, never typed by hand. A build
 * test checks that these ids are the story's sections, in this order (tests/build/sections.test.ts).
 */
import type { Dataset } from '../data/dataset';
import { describeValue, figureById, formatMargin, formatValue } from '../data/select';

/** Figures in words, as the teaching questions write them. */
export interface FigureWords {
  /** A figure as the story writes it: "88%", "88% more likely", "2,500" (survey or context figure). */
  v(id: string): string;
  /** A percentage increase as a plain share: "40%" (formatValue gives "+40%"). */
  pct(id: string): string;
  /** The margin of error for a share near 50% from as many respondents as a count figure: "±2.0 points". */
  margin(id: string): string;
  /** What a survey figure's value means: "twice as likely". */
  describe(id: string): string;
}

export interface StorySection {
  /** The section's element id on /. */
  id: string;
  /** Short title: the entry in the table of contents on /, and the heading on /teach/. */
  title: string;
  /** The skill the teaching questions practise. */
  skill: string;
  /** The teaching questions on /teach/, with their numbers from the data. */
  questions: (n: FigureWords) => string[];
}

export function figureWords({ figures, context }: Dataset): FigureWords {
  const every = [...figures, ...context];
  return {
    v: (id) => formatValue(figureById(every, id)),
    pct: (id) => `${figureById(every, id).value}%`,
    margin: (id) => formatMargin(figureById(figures, id).value),
    describe: (id) => describeValue(figureById(figures, id)),
  };
}

/** The story's sections, in its order, with the questions for each. */
export const SECTIONS: readonly StorySection[] = [
  {
    id: 'productivity',
    title: 'How much faster do workers feel?',
    skill: 'Self-reported productivity',
    questions: (n) => [
      `Full-time employees in the survey said they are ${n.pct('productivity-gain')} more productive when they use AI tools. Nobody measured their output. What would you need to measure to check the claim? Why might people's own estimates run high, or low?`,
      `${n.v('productivity-executives')} of the C-suite executives asked said they have seen productivity gains from adopting AI. Their companies chose to adopt it. How might that shape their answers?`,
      `Workers credited time to experiment (${n.v('credit-experimenting')}), better AI products (${n.v('credit-product-improvements')}), skills they taught themselves (${n.v('credit-self-upskilling')}) and training from their employer (${n.v('credit-employer-training')}). The coverage does not give the exact question. Could one person pick more than one answer? Why does that matter when you compare the four shares?`,
    ],
  },
  {
    id: 'burnout',
    title: 'One burnout number, two meanings',
    skill: 'Relative and absolute risk',
    questions: (n) => [
      `One version says ${n.v('burnout-share')} of top AI performers report burnout. Another says they are ${n.v('burnout-more-likely')} to be burned out than colleagues who use AI less. Explain the difference in your own words. Which version tells you how many people are burned out?`,
      `Use the slider in the chart to pick a made-up baseline: the share of lighter AI users who are burned out. What would “${n.v('burnout-more-likely')}” mean for top AI performers then? Why can't anyone answer without a published baseline?`,
      `In a different study, ${n.v('qw-burnout-frequent')} of employees who use AI often reported high burnout, against ${n.v('qw-burnout-non-users')} of those who don't use AI. Give the gap in percentage points, then as “% more likely”. Which sounds bigger, and which would you put in a headline?`,
    ],
  },
  {
    id: 'quitting',
    title: 'Quitting: a ratio with no baseline',
    skill: 'What a missing number means',
    questions: (n) => [
      `The report says top AI performers are ${n.describe('quitting-twice')} to quit. Pick a made-up share of their colleagues who plan to leave, first a small one and then a large one, and double each. Which missing number decides whether the finding is alarming?`,
      `Some sources say “quit”, others “consider quitting”. What is the difference between an intention and an action? Which one can a single survey record?`,
      `The survey asked people once. How would you design a study that shows who actually left their job?`,
    ],
  },
  {
    id: 'trust',
    title: 'Who trusts AI more than people?',
    skill: 'Who was asked',
    questions: (n) => [
      `ZDNet says ${n.v('trust-all')} of all respondents trust AI more than their coworkers. The report's summary gives ${n.v('trust-top')} for top AI performers only. How does the meaning change? Which group is bigger?`,
      `The study never said how many top AI performers there were. Why does the size of a group matter when you judge a percentage taken from it?`,
      `${n.v('coworker')} of all respondents see AI more as a coworker than as a tool. Is that the same claim as trusting AI more than people? What would you ask to tell them apart?`,
    ],
  },
  {
    id: 'politeness',
    title: 'Nicer to AI than to colleagues',
    skill: 'Self-report',
    questions: (n) => [
      `People rated their own politeness to AI and to colleagues. Nobody read their messages. How could a researcher check politeness instead of asking about it?`,
      `ZDNet gives ${n.v('politeness-all')} for all respondents. The report's authors give the same figure for top AI users. What would you need to see to settle which group it describes?`,
    ],
  },
  {
    id: 'relationship',
    title: 'Closer to AI than to the team',
    skill: 'Wording and cause',
    questions: (n) => [
      `${n.v('relationship')} of top AI performers say they have a better relationship with AI than with their teammates. Fortune's newsletter said “more than two-thirds”. Is ${n.v('relationship')} more than two-thirds? Why do small changes in wording matter?`,
      `The newsletter said this was “contributing to a sense of disconnect and alienation”. Is that a claim about a cause or about a link? What evidence would a cause need?`,
    ],
  },
  {
    id: 'freelancers',
    title: 'Freelancers and full-time employees',
    skill: 'Fair comparisons and a sponsor’s interest',
    questions: (n) => [
      `${n.v('career-freelancers')} of freelancers say AI has had a positive effect on their careers. ${n.v('new-projects-full-time')} of full-time employees say AI has helped them take on new projects. Why is it unfair to compare these two numbers?`,
      `Burnout and trust figures for freelancers are “Not reported”. What does a missing number mean? Why is it different from zero, and why should a chart never draw it as a zero bar?`,
      `Upwork runs a marketplace for freelancers. How might that interest shape which findings it publishes, and how it words them? Does a sponsor's interest make a finding wrong?`,
    ],
  },
  {
    id: 'reporting',
    title: 'How the press told it',
    skill: 'Link or cause',
    questions: () => [
      `ZDNet ran the same article under two headlines. Which one claims a cause? Rewrite it so it describes a link instead.`,
      `Two of the pieces come from inside the study: a Fortune newsletter quotes a co-author, and a Fortune commentary is written by both authors. How should that change the way you read them?`,
      `Spot the drift: in the chart “How did each number change as it travelled from page to page?”, pick one number and follow it from the report to the last page. Where did it first change, and how: the group, the kind of number, the number itself, or a cause added? Was that page journalism, the sponsor’s own press release, a blog or a copy? Rewrite the changed line so it says what the report says.`,
    ],
  },
  {
    id: 'methodology',
    title: 'How the survey was done',
    skill: 'Margins of error and who was not asked',
    questions: (n) => [
      `The survey asked ${n.v('sample-full-time')} full-time employees. If they were a simple random sample, the margin of error would be about ${n.margin('sample-full-time')}. If half of them said yes, what range could the true share fall in? Why is the real uncertainty larger for an online panel?`,
      `Of the ${n.v('sample-all')} people asked, ${n.v('sample-executives')} were C-suite executives. What happens to an “all respondents” figure when one group makes up so much of the sample?`,
      `Who was not asked? The survey covered executives, full-time salaried employees and freelancers, online, in several countries. Which workers are missing, and how could that change the picture?`,
    ],
  },
  {
    id: 'sources',
    title: 'Sources',
    skill: 'Checking a number',
    questions: () => [
      `The story could not confirm the web addresses of the news articles, so it gives outlet, headline and date instead. Why is that better than guessing an address?`,
      `Pick one number from the story and follow its link to the data page. Who published it, in what words, and is there a rival reading?`,
    ],
  },
];