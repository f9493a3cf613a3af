/**
 * The record of changes: data/changes.csv read through buildDataset (order, anchors, dates against
 * today, ids against the other files) and the pure helpers pages use (lastChangeOf, lastUpdateOf,
 * figuresVersion). The bad single-defect fixtures are in dataset.test.ts with the others.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { figuresVersion, firstPublication, lastChangeOf, lastUpdateOf, orderChanges, type Change } from '../../src/data/changes';
import { buildDataset, type DatasetFiles } from '../../src/data/dataset';
import { DataError } from '../../src/data/parse';

const ROOT = resolve(__dirname, '../..');
const read = (name: string) => ({ file: `data/${name}`, text: readFileSync(join(ROOT, 'data', name), 'utf8') });
const REAL: DatasetFiles = {
  figures: read('figures.csv'),
  sources: read('sources.csv'),
  context: read('context.csv'),
  changes: read('changes.csv'),
  coverage: read('coverage.csv'),
};
const HEADER = 'date,figure_ids,what,why,source_id\n';
const FIRST = '2026-11-26,,First publication.,The first release.,upwork-report\n';
const withChanges = (text: string): DatasetFiles => ({ ...REAL, changes: { file: 'data/changes.csv', text } });

function problemsOf(files: DatasetFiles, today?: string) {
  try {
    buildDataset(files, { today });
  } catch (e) {
    if (e instanceof DataError) return e.problems.map(({ file, row, field, message }) => ({ file, row, field, message }));
    throw e;
  }
  return [];
}

describe('data/changes.csv', () => {
  test('the real record: its oldest entry is the first publication, site-wide, on the day of the first commit', () => {
    const { changes } = buildDataset(REAL);
    const first = firstPublication(changes);
    expect(first.date).toBe('2026-11-26');
    expect(first.figure_ids).toEqual([]);
    expect(first.what).toMatch(/^First publication/);
    expect(first.anchor).toBe('change-2026-11-26');
  });

  test('entries are sorted by date at load, same-day entries in file order, each with its own anchor', () => {
    const text =
      HEADER +
      '2026-11-28,coworker,Second fix.,Why.,\n' +
      FIRST +
      '2026-11-27,burnout-share,A fix.,Why.,zdnet-burnout\n' +
      '2026-11-28,trust-all,Third fix.,Why.,\n';
    const { changes } = buildDataset(withChanges(text), { today: '2026-12-01' });
    expect(changes.map((c) => [c.date, c.anchor, c.what])).toEqual([
      ['2026-11-26', 'change-2026-11-26', 'First publication.'],
      ['2026-11-27', 'change-2026-11-27', 'A fix.'],
      ['2026-11-28', 'change-2026-11-28', 'Second fix.'],
      ['2026-11-28', 'change-2026-11-28-2', 'Third fix.'],
    ]);
    expect(changes[1].figure_ids).toEqual(['burnout-share']);
    expect(changes[2].source_id).toBeNull();
  });

  test('a date after today stops the build, naming file, row and field', () => {
    expect(problemsOf(withChanges(HEADER + FIRST + '2026-12-02,coworker,A fix.,Why.,\n'), '2026-12-01')).toEqual([
      { file: 'data/changes.csv', row: 3, field: 'date', message: '2026-12-02 is in the future (today is 2026-12-01)' },
    ]);
    expect(problemsOf(withChanges(HEADER + FIRST + '2026-12-01,coworker,A fix.,Why.,\n'), '2026-12-01')).toEqual([]);
  });

  test('a record with no entry stops the build: the first entry is the first publication', () => {
    expect(problemsOf(withChanges(HEADER))).toEqual([
      { file: 'data/changes.csv', row: 1, field: null, message: 'has no entries; the first entry is the first publication of the site' },
    ]);
  });

  test('figure ids may name context figures; several ids are separated by ";"', () => {
    const { changes } = buildDataset(withChanges(HEADER + FIRST + '2026-11-27,coworker; qw-burnout-non-users,A fix.,Why.,\n'), {
      today: '2026-12-01',
    });
    expect(changes[1].figure_ids).toEqual(['coworker', 'qw-burnout-non-users']);
  });

  test('a rejected figures.csv row does not also make every change citing a figure "unknown"', () => {
    const figures = { ...REAL.figures, text: REAL.figures.text.replace('coworker,coworker,all_respondents,90,', 'coworker,coworker,all_respondents,120,') };
    const problems = problemsOf({ ...withChanges(HEADER + FIRST + '2026-11-27,trust-all,A fix.,Why.,\n'), figures }, '2026-12-01');
    expect(problems.map((p) => p.file)).toEqual(['data/figures.csv']);
  });
});

describe('lastChangeOf, lastUpdateOf, figuresVersion', () => {
  const changes: Change[] = orderChanges([
    { date: '2026-11-26', figure_ids: [], what: 'First publication.', why: 'First release.', source_id: null },
    { date: '2026-11-27', figure_ids: ['burnout-share'], what: 'A fix.', why: 'Why.', source_id: null },
    { date: '2026-11-29', figure_ids: ['coworker', 'burnout-share'], what: 'Another fix.', why: 'Why.', source_id: null },
    { date: '2026-11-30', figure_ids: [], what: 'Site-wide note.', why: 'Why.', source_id: null },
  ]);

  test('the date of the newest entry touching any of the ids', () => {
    expect(lastChangeOf(['burnout-share'], changes)).toBe('2026-11-29');
    expect(lastChangeOf(['trust-all', 'coworker'], changes)).toBe('2026-11-29');
  });

  test('figures no entry touches: the first-publication date (a site-wide entry touches no figure)', () => {
    expect(lastChangeOf(['trust-all'], changes)).toBe('2026-11-26');
    expect(lastChangeOf([], changes)).toBe('2026-11-26');
    expect(lastUpdateOf(['trust-all'], changes)).toBeNull();
  });

  test('lastUpdateOf gives the entry to link, only after the first publication', () => {
    expect(lastUpdateOf(['burnout-share'], changes)?.anchor).toBe('change-2026-11-29');
    const firstTouches = orderChanges([{ date: '2026-11-26', figure_ids: ['coworker'], what: 'First.', why: 'First.', source_id: null }]);
    expect(lastUpdateOf(['coworker'], firstTouches)).toBeNull();
    expect(lastChangeOf(['coworker'], firstTouches)).toBe('2026-11-26');
  });

  test('the real record: no chart figure has changed since first publication', () => {
    const { changes: real, figures, context } = buildDataset(REAL);
    const ids = [...figures, ...context].map((f) => f.id);
    expect(lastUpdateOf(ids, real)).toBeNull();
    expect(lastChangeOf(ids, real)).toBe(firstPublication(real).date);
  });

  test('figures.json version: the number of entries; lastChanged: the newest entry', () => {
    expect(figuresVersion(changes)).toEqual({ version: 4, lastChanged: '2026-11-30' });
  });
});
