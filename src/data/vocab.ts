/**
 * The controlled vocabularies of data/*.csv. data/README.md documents each term; a value outside
 * these lists stops the build.
 */

export const COHORTS = [
  'all_respondents',
  'full_time',
  'freelancers',
  'executives',
  'top_ai_performers',
  'upwork_platform',
] as const;
export type Cohort = (typeof COHORTS)[number];

/**
 * Groups that only data/context.csv may use: the groups of other studies, which hold figures used
 * only as labelled context. A context row may also use a survey cohort above where the other study
 * asked the same kind of group (Upwork's 2024 study also asked C-suite executives and full-time
 * employees); the row's study, not its cohort, says whose figure it is (src/data/studies.ts).
 */
export const CONTEXT_COHORTS = ['frequent_ai_users', 'infrequent_ai_users', 'non_users', 'employees_using_ai'] as const;
export type ContextCohort = (typeof CONTEXT_COHORTS)[number];

/** Every cohort a row of data/context.csv may name: the context groups and the survey cohorts. */
export const CONTEXT_ROW_COHORTS = [...CONTEXT_COHORTS, ...COHORTS] as const;

export const UNITS = [
  'percent',
  'percent_more_likely',
  'times_as_likely',
  'percent_increase',
  'people',
  'one_in',
] as const;
export type Unit = (typeof UNITS)[number];

export const TOPICS = [
  'productivity',
  'productivity_credit',
  'burnout',
  'quitting',
  'trust',
  'politeness',
  'relationship',
  'coworker',
  'alignment',
  'career',
  'skills',
  'specialization',
  'new_projects',
  'augmentation',
  'hiring',
  'demand',
  'sample',
  'expectations',
  'workload',
  'demands',
] as const;
export type Topic = (typeof TOPICS)[number];

export const SOURCE_KINDS = [
  'report',
  'news',
  'opinion',
  'newsletter',
  'podcast',
  'press-release',
  'blog',
  'aggregator',
  'machine-summary',
  'content-site',
  'copy',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * What each kind of source is, in a reader's words, and whether it is journalism: a report or
 * newsletter item written by a journalist. Everything else is said plainly to be something else.
 */
export const SOURCE_KIND_LABELS: Record<SourceKind, { label: string; plural: string; journalism: boolean }> = {
  report: { label: 'the report itself', plural: 'the report itself', journalism: false },
  news: { label: 'news report', plural: 'news reports', journalism: true },
  opinion: { label: 'signed commentary', plural: 'signed commentaries', journalism: false },
  newsletter: { label: 'newsletter item', plural: 'newsletter items', journalism: true },
  podcast: { label: 'the sponsor’s podcast', plural: 'the sponsor’s podcasts', journalism: false },
  'press-release': { label: 'the sponsor’s press release', plural: 'the sponsor’s press releases', journalism: false },
  blog: { label: 'blog', plural: 'blogs', journalism: false },
  aggregator: { label: 'aggregator', plural: 'aggregators', journalism: false },
  'machine-summary': { label: 'machine-written summary', plural: 'machine-written summaries', journalism: false },
  'content-site': { label: 'content site', plural: 'content sites', journalism: false },
  copy: { label: 'copy of another page', plural: 'copies of other pages', journalism: false },
};

/** Reader-facing names, used in tables, charts and the toggle. */
export const COHORT_LABELS: Record<Cohort | ContextCohort, string> = {
  all_respondents: 'All respondents',
  full_time: 'Full-time employees',
  freelancers: 'Freelancers',
  executives: 'C-suite executives',
  top_ai_performers: 'Top AI performers',
  upwork_platform: 'Upwork platform data',
  frequent_ai_users: 'Frequent AI users',
  infrequent_ai_users: 'Infrequent AI users',
  non_users: 'Non-users of AI',
  employees_using_ai: 'Employees who use AI',
};

export const TOPIC_LABELS: Record<Topic, string> = {
  productivity: 'Productivity',
  productivity_credit: 'What gets the credit for productivity',
  burnout: 'Burnout',
  quitting: 'Quitting',
  trust: 'Trust in AI',
  politeness: 'Politeness to AI',
  relationship: 'Relationship with AI',
  coworker: 'AI as a coworker',
  alignment: 'Alignment with company goals',
  career: 'Career impact',
  skills: 'Learning new skills',
  specialization: 'Specialising in a niche',
  new_projects: 'Taking on new projects',
  augmentation: 'Augmentation vs automation',
  hiring: 'Hiring freelancers for AI work',
  demand: 'Demand for AI skills',
  sample: 'Who was asked',
  expectations: 'Expectations of AI',
  workload: 'Workload from AI',
  demands: 'Demands on workers',
};

export const UNIT_LABELS: Record<Unit, string> = {
  percent: 'share of the group',
  percent_more_likely: 'more likely than others',
  times_as_likely: 'times as likely as others',
  percent_increase: 'increase',
  people: 'people',
  one_in: 'one in so many of the group',
};
