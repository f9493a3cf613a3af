/**
 * The other studies whose figures data/context.csv holds. The file has no column for a row's study:
 * a row belongs to the study whose sources it cites. So every source a context row cites must be
 * listed under one study here, all of a row's sources under the same one, and no row of
 * figures.csv may cite a source listed here (dataset.ts checks all three; each rule is proved by a
 * bad fixture). The pages that show context rows name and group them by study from this list, in
 * its order. Client-safe: plain data and pure functions.
 */

export interface ContextStudy {
  /** The study named for a reader, as it reads mid-sentence: "Upwork’s 2024 study “From Burnout to Balance”". */
  name: string;
  /** Why the site shows it, one or two sentences. */
  use: string;
  /** Ids in data/sources.csv of the pages its figures were read in. */
  sources: readonly string[];
}

export const CONTEXT_STUDIES = {
  'quantum-workplace': {
    name: 'Quantum Workplace’s 2025 analysis of AI use and burnout, as reported by CNBC',
    use: 'Unlike the 2025 Upwork report, it published its baseline, so it is used only to explain relative and absolute risk.',
    sources: ['quantum-workplace-cnbc'],
  },
  'upwork-2024': {
    name: 'Upwork’s 2024 study “From Burnout to Balance”',
    use: 'An earlier survey by the same institute, with figures of its own. They are listed so that they are not mistaken for this report’s: some pages credit them to it.',
    sources: ['upwork-2024-press-release', 'businessracket', 'pivot-to-ai', 'upwork-podcast-potential'],
  },
} as const satisfies Record<string, ContextStudy>;

export type ContextStudyKey = keyof typeof CONTEXT_STUDIES;

const KEYS = Object.keys(CONTEXT_STUDIES) as ContextStudyKey[];

/** Ids in data/sources.csv of every page of another study. */
export const CONTEXT_SOURCE_IDS: ReadonlySet<string> = new Set(KEYS.flatMap((k) => CONTEXT_STUDIES[k].sources));

/** The study a source belongs to, or null for a source of the report or of its coverage. */
export function studyOfSource(id: string): ContextStudyKey | null {
  return KEYS.find((k) => (CONTEXT_STUDIES[k].sources as readonly string[]).includes(id)) ?? null;
}

/** The study of a context row, by its first source; throws for a row the build would have refused. */
export function studyOf(figure: { id: string; source_ids: readonly string[] }): ContextStudyKey {
  const key = studyOfSource(figure.source_ids[0] ?? '');
  if (!key) throw new Error(`Context figure "${figure.id}" cites no source listed in src/data/studies.ts`);
  return key;
}

/** Context rows grouped by study, in the order of CONTEXT_STUDIES (rows in file order); studies without rows are left out. */
export function byStudy<F extends { id: string; source_ids: readonly string[] }>(
  context: readonly F[],
): { key: ContextStudyKey; study: ContextStudy; figures: F[] }[] {
  return KEYS.map((key) => ({ key, study: CONTEXT_STUDIES[key] as ContextStudy, figures: context.filter((f) => studyOf(f) === key) })).filter(
    (g) => g.figures.length > 0,
  );
}
