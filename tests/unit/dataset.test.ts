/**
 * buildDataset over the real data/ files and over every bad fixture in tests/fixtures/bad/. Each
 * fixture is a copy of data/ with one defect; its case below names the exact file, row and field
 * the error must point at (tests/fixtures/bad/README.md lists the same table for readers).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDataset, type DatasetFiles } from '../../src/data/dataset';
import { loadData } from '../../src/data/load';
import { DataError, type Problem } from '../../src/data/parse';
import { CONTEXT_SOURCE_IDS, studyOf, studyOfSource } from '../../src/data/studies';

const ROOT = resolve(__dirname, '../..');
const DATA = join(ROOT, 'data');
const BAD = join(ROOT, 'tests/fixtures/bad');
const NAMES = ['figures', 'sources', 'context', 'changes', 'coverage'] as const;
type Name = (typeof NAMES)[number];

/** The five files of a folder, named as the build names the real ones: data/figures.csv etc. */
function filesOf(dir: string): DatasetFiles {
  const entry = (name: Name) => ({ file: `data/${name}.csv`, text: readFileSync(join(dir, `${name}.csv`), 'utf8') });
  return { figures: entry('figures'), sources: entry('sources'), context: entry('context'), changes: entry('changes'), coverage: entry('coverage') };
}

/** Runs buildDataset and returns the DataError it must throw. */
function dataErrorOf(files: DatasetFiles): DataError {
  try {
    buildDataset(files);
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('buildDataset accepted the data');
}

interface BadCase {
  /** Folder name under tests/fixtures/bad/. */
  name: string;
  file: Name;
  row: number;
  /** null: the fault is the row's shape (field count, quotes, header), not one column. */
  field: string | null;
  /** A phrase the message must contain, so the right rule (not just any rule) fired. */
  says: string;
}

const CASES: BadCase[] = [
  { name: 'short-row', file: 'figures', row: 8, field: null, says: 'has 9 fields, expected 10 (a short row)' },
  { name: 'long-row', file: 'figures', row: 17, field: null, says: 'has 11 fields, expected 10 (a long row' },
  { name: 'stray-quote', file: 'figures', row: 31, field: null, says: 'a quoted field is never closed' },
  { name: 'quote-in-unquoted-field', file: 'figures', row: 18, field: 'note', says: 'a quote appears inside an unquoted field' },
  { name: 'not-a-number-percent-sign', file: 'figures', row: 16, field: 'value', says: 'must be a plain number such as 88 or 2.5 (no %, commas or words) (got "88%")' },
  { name: 'not-a-number-word', file: 'figures', row: 17, field: 'value', says: '(got "eighty")' },
  { name: 'percent-over-100', file: 'figures', row: 8, field: 'value', says: '120 is a percent above 100' },
  { name: 'people-not-whole', file: 'figures', row: 29, field: 'value', says: 'a count of people must be whole' },
  { name: 'one-in-not-whole', file: 'figures', row: 8, field: 'value', says: '"1 in 33.3" is not a share in that form' },
  { name: 'unknown-cohort', file: 'figures', row: 17, field: 'cohort', says: '(got "contractors")' },
  { name: 'context-unknown-cohort', file: 'context', row: 3, field: 'cohort', says: '(got "contractors")' },
  { name: 'figure-context-cohort', file: 'figures', row: 17, field: 'cohort', says: '(got "frequent_ai_users")' },
  { name: 'unknown-unit', file: 'figures', row: 3, field: 'unit', says: '(got "percentage")' },
  { name: 'unknown-topic', file: 'figures', row: 19, field: 'topic', says: '(got "wellbeing")' },
  { name: 'unknown-source', file: 'figures', row: 13, field: 'source_ids', says: 'unknown source id "unleash-ai" (not in data/sources.csv)' },
  { name: 'context-source-without-study', file: 'context', row: 2, field: 'source_ids', says: 'source "unleash" is listed under no study in src/data/studies.ts' },
  { name: 'context-two-studies', file: 'context', row: 2, field: 'source_ids', says: 'cites the pages of 2 studies ("quantum-workplace", "upwork-2024"); a context row belongs to one study' },
  { name: 'figure-cites-other-study', file: 'figures', row: 16, field: 'source_ids', says: 'source "quantum-workplace-cnbc" is a page of another study ("quantum-workplace" in src/data/studies.ts)' },
  { name: 'bad-id', file: 'figures', row: 19, field: 'id', says: 'must be a lower-case slug' },
  { name: 'duplicate-id', file: 'figures', row: 17, field: 'id', says: 'duplicate id "career-freelancers" (first on data/figures.csv row 16)' },
  { name: 'duplicate-id-across-files', file: 'context', row: 2, field: 'id', says: 'duplicate id "coworker" (first on data/figures.csv row 8)' },
  { name: 'missing-quote', file: 'figures', row: 18, field: 'quote', says: 'must not be empty' },
  { name: 'missing-source', file: 'figures', row: 18, field: 'source_ids', says: '(got "")' },
  { name: 'bad-header', file: 'figures', row: 1, field: null, says: 'the header must be "id,topic,cohort,value,unit,statement,source_ids,quote,note,claim" but is "id,topic,cohort,value,units,' },
  { name: 'bad-source-kind', file: 'sources', row: 7, field: 'kind', says: '(got "tweet")' },
  { name: 'coverage-unknown-source', file: 'coverage', row: 28, field: 'source_id', says: 'unknown source id "tweak-town" (not in data/sources.csv)' },
  { name: 'coverage-unknown-figure', file: 'coverage', row: 46, field: 'figure', says: '(got "resignation-81")' },
  { name: 'coverage-unknown-drift', file: 'coverage', row: 46, field: 'drift', says: 'spin' },
  { name: 'coverage-number-not-marked', file: 'coverage', row: 51, field: 'drift', says: '65 is not the report’s 64: mark it "number-changed" or "other-study"' },
  { name: 'coverage-share-not-marked', file: 'coverage', row: 38, field: 'drift', says: 'mark it "relative-as-share"' },
  { name: 'coverage-root-departs', file: 'coverage', row: 2, field: 'drift', says: 'the report’s own row is the root of the trail' },
  { name: 'bad-published-date', file: 'sources', row: 2, field: 'published', says: 'must be empty or a date as YYYY, YYYY-MM or YYYY-MM-DD (got "09/07/2025")' },
  { name: 'non-https-url', file: 'sources', row: 2, field: 'url', says: 'must be empty or an https:// address' },
  { name: 'claim-with-one-row', file: 'figures', row: 14, field: 'claim', says: 'claim "alignment-62" has only this row' },
  { name: 'claim-without-label', file: 'figures', row: 16, field: 'claim', says: 'is not a claim listed in src/data/claims.ts; add the claim there with its label (got "career-88")' },
  { name: 'rival-values-differ', file: 'figures', row: 12, field: 'value', says: 'rival readings of claim "trust-67" must share one published number: 64 here, 67 on row 11' },
  { name: 'empty-file', file: 'figures', row: 1, field: null, says: 'the file is empty' },
  { name: 'change-bad-date', file: 'changes', row: 2, field: 'date', says: 'must be a real date written YYYY-MM-DD (got "2026-11-31")' },
  { name: 'change-unknown-figure', file: 'changes', row: 2, field: 'figure_ids', says: 'unknown figure id "burnout-rate" (not in data/figures.csv or data/context.csv)' },
  { name: 'change-unknown-source', file: 'changes', row: 2, field: 'source_id', says: 'unknown source id "upwork-survey" (not in data/sources.csv)' },
  { name: 'change-missing-what', file: 'changes', row: 2, field: 'what', says: 'must not be empty' },
];

/** How formatProblem names the place: the file, `row N` and, for a column, `field "x"`. */
const where = (c: Pick<BadCase, 'file' | 'row' | 'field'>) =>
  c.field === null ? `data/${c.file}.csv, row ${c.row}:` : `data/${c.file}.csv, row ${c.row}, field "${c.field}":`;

describe('bad fixtures', () => {
  test('every fixture folder has a case, and every case a folder', () => {
    const folders = readdirSync(BAD, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(CASES.map((c) => c.name).sort());
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  test('the fixtures README lists every case', () => {
    const readme = readFileSync(join(BAD, 'README.md'), 'utf8');
    for (const c of CASES) expect(readme).toContain(`\`${c.name}\``);
  });

  test.each(CASES)('$name → $file, row $row, field $field', (c) => {
    const dir = join(BAD, c.name);
    for (const name of NAMES) expect(existsSync(join(dir, `${name}.csv`)), `${c.name}/${name}.csv`).toBe(true);

    const err = dataErrorOf(filesOf(dir));
    const expected: Omit<Problem, 'message'> = { file: `data/${c.file}.csv`, row: c.row, field: c.field };
    // One defect, one problem: a fixture that trips a second rule no longer isolates its own.
    expect(err.problems.map(({ file, row, field }) => ({ file, row, field }))).toEqual([expected]);
    expect(err.problems[0].message).toContain(c.says);
    expect(err.message).toContain(`${where(c)} ${err.problems[0].message}`);
    expect(err.message).toMatch(new RegExp(`row ${c.row}\\b`));
    if (c.field !== null) expect(err.message).toContain(`field "${c.field}"`);
    else expect(err.message).not.toContain('field "');
  });

  test.each(CASES)('$name differs from data/ in exactly one file', (c) => {
    const changed = NAMES.filter(
      (name) => readFileSync(join(BAD, c.name, `${name}.csv`), 'utf8') !== readFileSync(join(DATA, `${name}.csv`), 'utf8'),
    );
    expect(changed).toEqual([c.file]);
  });

  test('loadData names a fixture file by its path from the project root', () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const dir = join(BAD, 'unknown-source');
      expect(() => loadData(dir)).toThrow(
        'tests/fixtures/bad/unknown-source/figures.csv, row 13, field "source_ids": unknown source id "unleash-ai" (not in tests/fixtures/bad/unknown-source/sources.csv)',
      );
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('the real data/', () => {
  const data = buildDataset(filesOf(DATA));
  /** Data lines of a file: every line but the header and blank ones (no field in data/ spans lines). */
  const lines = (name: Name) =>
    readFileSync(join(DATA, `${name}.csv`), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== '').length;

  test('loads through loadData (the build path) as well as buildDataset', () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      expect(loadData(DATA)).toEqual(data);
    } finally {
      process.chdir(cwd);
    }
  });

  test('every row becomes a record', () => {
    expect(data.figures).toHaveLength(lines('figures'));
    expect(data.sources).toHaveLength(lines('sources'));
    expect(data.context).toHaveLength(lines('context'));
    expect(data.changes).toHaveLength(lines('changes'));
    // As published on the day this test was written; a new row changes both numbers on purpose.
    expect(data.figures.length).toBeGreaterThanOrEqual(30);
    expect(data.sources.length).toBeGreaterThanOrEqual(10);
    expect(data.context).toHaveLength(10);
  });

  test('values are numbers, never strings', () => {
    for (const f of [...data.figures, ...data.context]) {
      expect(typeof f.value, f.id).toBe('number');
      expect(Number.isFinite(f.value), f.id).toBe(true);
    }
    const byId = Object.fromEntries(data.figures.map((f) => [f.id, f]));
    expect(byId['burnout-share'].value).toBe(88);
    expect(byId['sample-all'].value).toBe(2500);
    expect(byId['quitting-twice'].value).toBe(2);
  });

  test('source_ids and authors are arrays; empty claim, url and date are null', () => {
    const byId = Object.fromEntries(data.figures.map((f) => [f.id, f]));
    expect(byId['productivity-gain'].source_ids).toEqual(['fortune-commentary', 'fortune-chro', 'tweaktown', 'upwork-report']);
    expect(byId['coworker'].claim).toBeNull();
    expect(byId['burnout-share'].claim).toBe('burnout-88');
    expect(byId['politeness-all'].note).toBe('');
    for (const f of data.figures) expect(Array.isArray(f.source_ids)).toBe(true);

    const src = Object.fromEntries(data.sources.map((s) => [s.id, s]));
    expect(src['upwork-report'].url).toBe('https://www.upwork.com/research/navigating-human-ai-relationships');
    expect(src['upwork-report'].authors).toEqual(['Gabby Burlacu', 'Kelly Monahan']);
    expect(src['zdnet-burnout'].url).toBeNull();
    expect(src['zdnet-burnout'].authors).toEqual([]);
    expect(src['zdnet-burnout'].published).toBe('2025-07');
    expect(src['unleash'].published).toBeNull();
  });

  test('a doubled quote inside a quoted field is read as one quote', () => {
    const coworker = data.figures.find((f) => f.id === 'coworker')!;
    expect(coworker.note).toBe('ZDNet: "Among all respondents, 90%".');
  });

  test('each context figure cites the pages of one other study, and no figure of the report cites them', () => {
    for (const f of data.context) {
      const studies = new Set(f.source_ids.map(studyOfSource));
      expect(studies.size, f.id).toBe(1);
      expect(studies.has(null), f.id).toBe(false);
    }
    for (const f of data.figures) for (const id of f.source_ids) expect(CONTEXT_SOURCE_IDS.has(id), `${f.id} cites ${id}`).toBe(false);
    expect(data.context.filter((f) => studyOf(f) === 'quantum-workplace').map((f) => f.id)).toEqual([
      'qw-burnout-frequent',
      'qw-burnout-infrequent',
      'qw-burnout-non-users',
    ]);
    expect(data.context.filter((f) => studyOf(f) === 'upwork-2024').map((f) => f.id)).toEqual([
      'upwork-2024-expectations-executives',
      'upwork-2024-workload',
      'upwork-2024-know-how',
      'upwork-2024-burnout',
      'upwork-2024-demands-raised',
      'upwork-2024-demands-struggle',
      'upwork-2024-quitting',
    ]);
  });

  test("the 2024 study's figures say so, and keep their numbers as published", () => {
    const byId = Object.fromEntries(data.context.map((f) => [f.id, f]));
    for (const f of data.context.filter((c) => c.id.startsWith('upwork-2024-'))) {
      expect(f.statement, f.id).toContain('Upwork\'s 2024 study “From Burnout to Balance”, not in the 2025 survey');
      expect(f.note, f.id).toMatch(/^Another study, not this report/);
    }
    expect(byId['upwork-2024-demands-raised']).toMatchObject({ value: 81, unit: 'percent', cohort: 'executives', topic: 'demands' });
    expect(byId['upwork-2024-quitting']).toMatchObject({ value: 3, unit: 'one_in', cohort: 'full_time', topic: 'quitting' });
  });
});

describe('a rejected row does not cause false problems elsewhere', () => {
  const real = filesOf(DATA);

  test('a bad sources.csv row is not also reported as an unknown id in every figure citing it', () => {
    const text = real.sources.text.replace(
      'upwork-report,The Upwork Research Institute,',
      'upwork-report,,',
    );
    const err = dataErrorOf({ ...real, sources: { ...real.sources, text } });
    expect(err.problems.map(({ file, row, field }) => ({ file, row, field }))).toEqual([
      { file: 'data/sources.csv', row: 2, field: 'publisher' },
    ]);
  });

  test('a claim whose rival row was rejected is not also reported as a single-row claim', () => {
    const text = real.figures.text.replace('trust-all,trust,all_respondents,67,', 'trust-all,trust,all_respondents,67%,');
    const err = dataErrorOf({ ...real, figures: { ...real.figures, text } });
    expect(err.problems.map(({ file, row, field }) => ({ file, row, field }))).toEqual([
      { file: 'data/figures.csv', row: 11, field: 'value' },
    ]);
  });

  test('with every row valid, a single-row claim is still reported', () => {
    const text = real.figures.text.replace(/,trust-67\n(trust-top)/, ',\n$1');
    const err = dataErrorOf({ ...real, figures: { ...real.figures, text } });
    expect(err.problems.map(({ file, row, field }) => ({ file, row, field }))).toEqual([
      { file: 'data/figures.csv', row: 12, field: 'claim' },
    ]);
  });

  test('problems in several files are all reported, in file order sources, figures, context', () => {
    const err = dataErrorOf({
      sources: { ...real.sources, text: real.sources.text.replace(',2025-07,news,,News report; quotes', ',2025-07,tweet,,News report; quotes') },
      figures: { ...real.figures, text: real.figures.text.replace('coworker,coworker,all_respondents,90,', 'coworker,coworker,all_respondents,120,') },
      context: { ...real.context, text: real.context.text.replace('qw-burnout-non-users,burnout,non_users,35,', 'qw-burnout-non-users,burnout,non_users,thirty-five,') },
      changes: real.changes,
      coverage: real.coverage,
    });
    expect(err.problems.map(({ file, row, field }) => ({ file, row, field }))).toEqual([
      { file: 'data/sources.csv', row: 7, field: 'kind' },
      { file: 'data/figures.csv', row: 8, field: 'value' },
      { file: 'data/context.csv', row: 4, field: 'value' },
    ]);
    expect(err.message.split('\n')).toHaveLength(4);
  });
});
