/**
 * The sentence checker's words: which words name a group, a question (a topic of the survey), a
 * reading of a number ("more likely", "a boost", "of"), and a cause. Plain patterns, each tested in
 * tests/unit/check-lexicon.test.ts. Client-safe.
 */

/** A group a sentence can give a number to, as the checker reads it. */
export type GroupRead = 'top_ai_performers' | 'general' | 'full_time' | 'freelancers' | 'executives' | 'upwork_platform';

export interface GroupWords {
  group: GroupRead;
  pattern: RegExp;
}

/**
 * In order of precedence: a qualifier that picks out the heaviest or most productive AI users makes
 * the group the report's top AI performers, whatever noun follows it ("employees who heavily use
 * the tech"); then the named cohorts; then the general nouns ("workers", "respondents").
 */
export const GROUPS: GroupWords[] = [
  { group: 'top_ai_performers', pattern: /\btop(?:[- ]performing)?\s+AI\s+(?:performers|users|talent)\b/gi },
  { group: 'top_ai_performers', pattern: /\bAI\s+top\s+performers\b|\btop\s+performers\b/gi },
  { group: 'top_ai_performers', pattern: /\b(?:most|highly|high)[- ](?:productive|performing|engaged|devoted|frequent|intensive|active|dependent)\b[^,.;:]{0,40}?\b(?:users?|workers|employees|performers|people|staff)\b/gi },
  { group: 'top_ai_performers', pattern: /\b(?:most|highly|high)[- ](?:productive|performing|engaged|devoted|frequent|intensive|active)\b/gi },
  { group: 'top_ai_performers', pattern: /\b(?:heavy|frequent|power|super)[- ]?(?:AI\s+)?users\b|\b(?:rely|relies|relying|lean|leans|leaning)\s+heavily\b|\bheavily\s+(?:use|uses|using|rely|relies|on)\b|\bheavy\s+(?:AI\s+)?use\b/gi },
  { group: 'top_ai_performers', pattern: /\buses?\s+(?:AI|it|the\s+tech(?:nology)?|these\s+tools)\s+(?:the\s+most|a\s+lot|heavily|most\s+(?:often|heavily|frequently))\b|\bexcel(?:ling|ing|s)?\s+(?:in|at)\s+AI\b|\b(?:biggest|highest|largest|greatest)\b[^,.;:]{0,40}?\bproductivity\s+(?:gains?|boosts?)\b/gi },
  { group: 'upwork_platform', pattern: /\b(?:on|of)\s+Upwork\b|\bUpwork(?:['’]s)?\s+(?:clients|platform|data)\b/gi },
  { group: 'freelancers', pattern: /\bfreelanc\w*|\bindependent\s+(?:professionals|workers|talent)\b|\bgig\s+workers\b|\bcontractors\b/gi },
  { group: 'executives', pattern: /\bC-suite\b|\bexecutives?\b|\bbusiness\s+leaders\b|\bleaders\b|\bbosses\b|\bCEOs?\b|\bmanagers\b|\bemployers\b/gi },
  { group: 'full_time', pattern: /\bfull[- ]time\b[^,.;:]{0,15}?\b(?:employees|workers|staff)\b|\bsalaried\s+(?:employees|workers|staff)\b/gi },
  { group: 'general', pattern: /\b(?:respondents|workers|employees|people|everyone|staff|workforce|professionals|participants|Americans|those\s+surveyed|those\s+asked)\b/gi },
];

/** A general noun after a pointing word ("these workers", "such employees") names no group by itself. */
export const POINTING = /\b(?:these|those|such|the\s+same|said)\s+$/i;

/**
 * The part of a clause that names the comparison, not the group: "than their colleagues",
 * "compared to those who use AI less", "as everyone else". The checker reads no group there.
 */
export const COMPARISON = /\b(?:than|compared\s+(?:to|with)|versus|vs\.?|relative\s+to|as\s+(?:everyone|others|their|colleagues|peers|lighter|less))\b[^.;:…]*/gi;

export interface TopicWords {
  topic: string;
  pattern: RegExp;
}

/**
 * The question a number answers, by its words. A topic of figures.csv (or of context.csv) and the
 * words that mean it. The checker tries the topics nearest the number first.
 */
export const TOPIC_WORDS: TopicWords[] = [
  { topic: 'burnout', pattern: /\bburn(?:ed|t|ing)?[- ]?out\b|\bburnout\b|\bexhaust(?:ion|ed)\b|\bdisengag\w*|\bmental\s+(?:health|well-?being)\b|\bwell-?being\b/gi },
  { topic: 'quitting', pattern: /\bquit(?:ting|s)?\b|\bresign\w*|\bturnover\b|\battrition\b|\beyeing\s+the\s+exits?\b|\bleav(?:e|ing)\s+(?:their|his|her|your|the)\s+(?:jobs?|roles?|employers?|company|companies|positions?)\b/gi },
  { topic: 'trust', pattern: /\btrust(?:s|ed|ing)?\b/gi },
  { topic: 'politeness', pattern: /\bpolite(?:ness|r)?\b|\bcourteous\b|\bcourtesy\b|\bmanners\b|\brude\b/gi },
  { topic: 'relationship', pattern: /\brelationships?\b/gi },
  { topic: 'alignment', pattern: /\balign(?:s|ed|ing|ment)?\b|\b(?:company|company['’]s|organi[sz]ational|business)\s+goals\b|\bbottom\s+line\b/gi },
  { topic: 'coworker', pattern: /\bas\s+an?\s+(?:coworker|co-worker|colleague|teammate|team\s+member)\b|\b(?:coworker|co-worker|colleague|teammate)s?\s+rather\s+than\s+a\s+tool\b/gi },
  { topic: 'career', pattern: /\bcareers?\b/gi },
  { topic: 'productivity_credit', pattern: /\bcredit(?:s|ed|ing)?\b|\battribut\w*|\bexperiment\w*|\btraining\b|\bproduct\s+improvements\b|\bupskill\w*/gi },
  { topic: 'skills', pattern: /\bnew\s+skills\b|\bskills?\s+faster\b|\blearn(?:s|ing)?\s+(?:new\s+)?skills\b|\bacquire\s+(?:new\s+)?skills\b/gi },
  { topic: 'specialization', pattern: /\bniche\b|\bspeciali[sz]\w*/gi },
  { topic: 'new_projects', pattern: /\bnew\s+projects?\b/gi },
  { topic: 'augmentation', pattern: /\baugment\w*|\bautomat\w*/gi },
  { topic: 'hiring', pattern: /\bengag(?:e|es|ed|ing)\s+freelancers\b|\bhir(?:e|es|ed|ing)\s+freelancers\b|\bAI\s+transformation\b/gi },
  { topic: 'demand', pattern: /\bsearch(?:es)?\b/gi },
  { topic: 'workload', pattern: /\bworkloads?\b|\badded\s+to\s+(?:their|your|the)\s+work\b/gi },
  { topic: 'demands', pattern: /\bdemands?\b|\braised\s+the\s+bar\b|\bask(?:s|ed|ing)?\s+more\s+of\b/gi },
  { topic: 'expectations', pattern: /\bexpect(?:s|ed|ing|ation|ations)?\b|\banticipat\w*|\bunsure\s+how\b|\b(?:don['’]t|do\s+not)\s+know\s+how\b|\bno\s+idea\s+how\b/gi },
  { topic: 'productivity', pattern: /\bproductiv\w*|\boutput\b|\befficien\w*|\bgains?\b/gi },
];

/** A question that is not the report's: the figure row it belongs to, and its words. */
export interface Variant {
  topic: string;
  /** The figures.csv row for this wording of the question. */
  figure: string;
  pattern: RegExp;
}

export const VARIANTS: Variant[] = [
  {
    topic: 'quitting',
    figure: 'quitting-twice-consider',
    pattern: /\bconsider(?:s|ed|ing)?\s+(?:quitting|leaving|resigning)\b|\bthink(?:s|ing)?\s+(?:about|of)\s+(?:quitting|leaving)\b|\beyeing\s+the\s+exits?\b|\bplan(?:s|ning)?\s+to\s+(?:quit|leave)\b|\bintend(?:s|ing)?\s+to\s+(?:quit|leave)\b|\bwant(?:s|ing)?\s+to\s+(?:quit|leave)\b/gi,
  },
];

/** After a share: how much more likely. */
export const MORE_LIKELY = /^\s*(?:more|less)\s+likely\b|^\s*likelier\b|^\s*(?:more|less)\s+(?:apt|prone)\b/i;
/** After a share: how much more (a gain, an increase), rather than how many people. */
export const INCREASE_AFTER = /^\s*(?:more\s+productive|more\s+output|more\s+efficient|(?:productivity\s+)?(?:boost|increase|rise|jump|gain|uplift|improvement|surge|growth|hike|spike)s?\b|higher\b|greater\b)/i;
/** Before a share: "+40%", "boosted productivity by 40%", "up 40%". */
export const INCREASE_BEFORE = /(?:\+\s*|\b(?:by|up)\s+(?:a\s+|an\s+)?|\b(?:rose|risen|rising|rises|grew|grown|grows|surged|surges|jumped|jumps|climbed|soared|increased|went\s+up)\s+(?:by\s+)?)$/i;
/** A "more likely" without a number: "significantly more likely to burn out". */
export const RELATIVE_NO_NUMBER = /\b(?:(?:far|much|significantly|considerably|substantially|a\s+lot)\s+)?(?:more|less)\s+likely\b|\blikelier\b/gi;

/**
 * Words that make a link a cause. "Linked to" and "associated with" are links, not causes; an
 * adjective such as "AI-driven" names no cause of the figure either.
 */
export const CAUSES: RegExp[] = [
  /\bdue\s+to\b/gi,
  /\bbecause\b/gi,
  /\bas\s+a\s+(?:direct\s+)?result\b/gi,
  /\bresult(?:s|ed|ing)?\s+in\b/gi,
  /\b(?:lead|leads|leading|led)\s+to\b/gi,
  /\bcaus(?:e|es|ed|ing)\b/gi,
  /(?<!-)\bdriv(?:e|es|ing)\b/gi,
  /\bmak(?:e|es|ing)\s+(?:[\w%]+\s+){0,3}?(?:more|less)\s+likely\b/gi,
  /\bgenerat(?:e|es|ed|ing)\b/gi,
  /\b(?:increases|increased|boosts|boosted|raises|fuels|fuelled|fueled|triggers|triggered|worsens|worsened|degrad(?:es|ing|ed)|harms|harming|hurts|hurting|erodes|eroding|damag(?:es|ed|ing))\b/gi,
  /\bleav(?:es|ing)\b[^.;]{0,30}?\b(?:burn|exhaust|disconnect)/gi,
  /\b(?:wreak(?:s|ing)?\s+havoc|tak(?:es|ing)\s+a\s+toll)\b/gi,
  /\bthanks\s+to\b/gi,
];

/** Topics a cause can be given to: outcomes, not the sample or the platform's data. */
export const OUTCOMES = new Set(['burnout', 'quitting', 'productivity', 'trust', 'politeness', 'relationship', 'alignment', 'coworker', 'career', 'skills']);

/** A plain number is a claim only as a count of people: "2,500 workers", "a survey of 2,500". */
export const PEOPLE_AFTER = /^\s*(?:[\w-]+\s+){0,2}?(?:people|respondents|workers|employees|professionals|freelancers|executives|leaders|participants|adults)\b/i;
export const PEOPLE_BEFORE = /\b(?:survey(?:ed)?|poll(?:ed)?|asked|study)\s+(?:of\s+)?$/i;
