/**
 * The claim vocabulary of data/figures.csv: every `claim` key (a published number that sources read
 * in more than one way) with the question that heads its rival readings on /data/, and short names
 * for readings that differ only in their wording. A claim key missing here stops the build
 * (schema.ts); data/README.md lists each claim's readings and who gave them.
 */

/** The question each claim poses to a reader, as /data/ heads the claim's rows. */
export const CLAIM_LABELS: Readonly<Record<string, string>> = {
  'burnout-88': 'Is 88% a share of burned-out workers, or “88% more likely”?',
  'quitting-2': 'Twice as likely to quit, or to consider quitting?',
  'politeness-85': 'Is the 85% all respondents, or top AI users?',
  'trust-67': 'Is the 67% all respondents, or top AI performers?',
  'alignment-62': 'Is the 62% all workers, or top AI performers?',
  'demand-300': 'Searches for AI-agent skills, or for AI skills in general?',
};

/**
 * Names for readings (figure ids) that differ from their rivals only in their wording, not in unit
 * or group; the reporting chart names the other readings by their unit or group.
 */
export const READING_NAMES: Readonly<Record<string, string>> = {
  'quitting-twice': 'Twice as likely to quit',
  'quitting-twice-consider': 'Twice as likely to consider quitting',
  'demand-agents': 'Searches for AI-agent skills',
  'demand-ai-skilled': 'Searches for AI skills in general',
};

/** The question heading a claim's rival readings. Every claim in a validated dataset has one. */
export function claimLabel(claim: string): string {
  const label = CLAIM_LABELS[claim];
  if (label === undefined) throw new Error(`claim "${claim}" has no label in src/data/claims.ts`);
  return label;
}
