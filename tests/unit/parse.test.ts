/**
 * The CSV boundary: line numbers that match what a reader sees in an editor (quoted newlines, blank
 * lines, BOM, CRLF), quote handling, and how problems are written out.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { buildDataset, type DatasetFiles } from '../../src/data/dataset';
import { DataError, formatProblem, parseCsv, type Problem } from '../../src/data/parse';

const ROOT = resolve(__dirname, '../..');
const read = (name: string) => readFileSync(join(ROOT, 'data', name), 'utf8');
const REAL: DatasetFiles = {
  figures: { file: 'data/figures.csv', text: read('figures.csv') },
  sources: { file: 'data/sources.csv', text: read('sources.csv') },
  context: { file: 'data/context.csv', text: read('context.csv') },
  changes: { file: 'data/changes.csv', text: read('changes.csv') },
  coverage: { file: 'data/coverage.csv', text: read('coverage.csv') },
};

/** The real data with the figures.csv text passed through `edit` (each edit must match once). */
function withFigures(edit: (text: string) => string): DatasetFiles {
  return { ...REAL, figures: { ...REAL.figures, text: edit(REAL.figures.text) } };
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from), `"${from}" must occur once`).toHaveLength(2);
  return text.replace(from, to);
}

function problemsOf(files: DatasetFiles): Omit<Problem, 'message'>[] {
  try {
    buildDataset(files);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return e.problems.map(({ file, row, field }) => ({ file, row, field }));
  }
  throw new Error('buildDataset accepted the data');
}

/** Gives `coworker` (row 8 of the real figures.csv) a percent of 120. */
const breakCoworker = (text: string) =>
  replaceOnce(text, 'coworker,coworker,all_respondents,90,', 'coworker,coworker,all_respondents,120,');
const coworkerAt = (row: number) => [{ file: 'data/figures.csv', row, field: 'value' }];

/** Every line break becomes CRLF. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

describe('row numbers are line numbers', () => {
  test('in the real file, a bad value on line 8 is reported on row 8', () => {
    expect(problemsOf(withFigures(breakCoworker))).toEqual(coworkerAt(8));
  });

  test('a quoted field that spans lines is read whole, and rows after it keep their real line numbers', () => {
    const twoLines = (text: string) =>
      replaceOnce(text, 'when they use AI tools: a gain they estimated', 'when they use AI tools:\na gain they\nestimated');
    const data = buildDataset(withFigures(twoLines));
    expect(data.figures[0].statement).toBe(
      'Employees say they are 40% more productive when they use AI tools:\na gain they\nestimated themselves, not measured output.',
    );
    expect(data.figures).toHaveLength(buildDataset(REAL).figures.length);
    // coworker moves from line 8 to line 10; the record index would still say 7th data row.
    expect(problemsOf(withFigures((t) => breakCoworker(twoLines(t))))).toEqual(coworkerAt(10));
  });

  test('a row with a multi-line field is itself reported on the line it starts', () => {
    const edit = (t: string) =>
      replaceOnce(
        t,
        'coworker,coworker,all_respondents,90,percent,90% of the people asked say they see AI more as a coworker than as a tool.,',
        'coworker,coworker,all_respondents,120,percent,"90% of the people asked\nsay they see AI more as a coworker than as a tool.",',
      );
    expect(problemsOf(withFigures(edit))).toEqual(coworkerAt(8));
  });

  test('blank lines are skipped and counted', () => {
    const blanks = (text: string) => {
      const lines = text.split('\n');
      // Two blank lines after row 3, one of spaces only after row 5, and two at the end.
      lines.splice(5, 0, '   ');
      lines.splice(3, 0, '', '');
      return lines.join('\n') + '\n\n';
    };
    const data = buildDataset(withFigures(blanks));
    expect(data).toEqual(buildDataset(REAL));
    expect(problemsOf(withFigures((t) => breakCoworker(blanks(t))))).toEqual(coworkerAt(11));
  });

  test('a file without a final newline loses no row', () => {
    const data = buildDataset(withFigures((t) => t.replace(/\n$/, '')));
    expect(data).toEqual(buildDataset(REAL));
  });
});

describe('encodings of the same file', () => {
  test('a byte-order mark before the header is tolerated', () => {
    const bom = (files: DatasetFiles): DatasetFiles => ({
      figures: { ...files.figures, text: '\uFEFF' + files.figures.text },
      sources: { ...files.sources, text: '\uFEFF' + files.sources.text },
      context: { ...files.context, text: '\uFEFF' + files.context.text },
      changes: { ...files.changes, text: '\uFEFF' + files.changes.text },
      coverage: { ...files.coverage, text: '\uFEFF' + files.coverage.text },
    });
    expect(buildDataset(bom(REAL))).toEqual(buildDataset(REAL));
    expect(problemsOf(bom(withFigures(breakCoworker)))).toEqual(coworkerAt(8));
  });

  test('CRLF files parse to exactly the same records as LF files', () => {
    const files: DatasetFiles = {
      figures: { ...REAL.figures, text: crlf(REAL.figures.text) },
      sources: { ...REAL.sources, text: crlf(REAL.sources.text) },
      context: { ...REAL.context, text: crlf(REAL.context.text) },
      changes: { ...REAL.changes, text: crlf(REAL.changes.text) },
      coverage: { ...REAL.coverage, text: crlf(REAL.coverage.text) },
    };
    expect(files.figures.text).toContain('\r\n');
    const data = buildDataset(files);
    expect(data).toEqual(buildDataset(REAL));
    for (const f of data.figures) {
      for (const v of Object.values(f)) if (typeof v === 'string') expect(v).not.toMatch(/\r/);
    }
  });

  test('CRLF files report the same rows, blank lines and multi-line fields included', () => {
    const edit = (t: string) =>
      crlf(breakCoworker(replaceOnce(t, 'when they use AI tools: a gain', 'when they use AI tools:\na gain')).replace(
        /^(productivity-executives)/m,
        '\n$1',
      ));
    expect(problemsOf(withFigures(edit))).toEqual(coworkerAt(10));
  });
});

describe('quotes', () => {
  const schema = z.object({ a: z.string(), b: z.string(), c: z.string() });
  const parse = (text: string) => parseCsv(text, 'x.csv', ['a', 'b', 'c'], schema);

  test('quoted fields may hold commas, newlines and doubled quotes', () => {
    const out = parse('a,b,c\n1,"two, ""2""\nlines",3\n');
    expect(out.problems).toEqual([]);
    expect(out.rows).toEqual([{ row: 2, record: { a: '1', b: 'two, "2"\nlines', c: '3' } }]);
  });

  test.each([
    ['in the middle of a field', 'a,b,c\n1,2,3\n4,five "5" here,6\n', 3, 'b'],
    ['at the end of a field', 'a,b,c\n4,5,six"\n', 2, 'c'],
    ['after a quoted field on the same row', 'a,b,c\n"1, one",2,th"ree\n', 2, 'c'],
    ['with CRLF line ends', 'a,b,c\r\n1,2,3\r\n4,x"y,6\r\n', 3, 'b'],
  ])('a quote inside an unquoted field is reported %s', (_, text, row, field) => {
    const out = parse(text);
    expect(out.problems.map(({ file, row, field }) => ({ file, row, field }))).toEqual([{ file: 'x.csv', row, field }]);
    expect(out.problems[0].message).toContain('a quote appears inside an unquoted field');
  });

  test('a quote that is never closed is reported on the line it opens, with no field', () => {
    const out = parse('a,b,c\n1,2,3\n4,"five,6\n7,8,9\n');
    expect(out.problems.map(({ row, field }) => ({ row, field }))).toEqual([{ row: 3, field: null }]);
    expect(out.problems[0].message).toContain('never closed');
  });

  test('text after a closing quote is reported', () => {
    const out = parse('a,b,c\n1,"2" two,3\n');
    expect(out.problems.length).toBeGreaterThan(0);
    expect(out.problems.every((p) => p.row === 2 && p.field === null)).toBe(true);
  });
});

describe('headers and empty files', () => {
  const schema = z.object({ a: z.string(), b: z.string() });

  test('header names may carry spaces around them, but not change order', () => {
    expect(parseCsv('a , b\n1,2\n', 'x.csv', ['a', 'b'], schema).problems).toEqual([]);
    const out = parseCsv('b,a\n1,2\n', 'x.csv', ['a', 'b'], schema);
    expect(out.problems).toEqual([{ file: 'x.csv', row: 1, field: null, message: 'the header must be "a,b" but is "b,a"' }]);
  });

  test.each([[''], ['\n\n'], ['\uFEFF'], ['  \r\n']])('a file of nothing but %j is empty', (text) => {
    expect(parseCsv(text, 'x.csv', ['a', 'b'], schema).problems).toEqual([
      { file: 'x.csv', row: 1, field: null, message: 'the file is empty' },
    ]);
  });

  test('a header alone is a valid file with no rows', () => {
    expect(parseCsv('a,b\n', 'x.csv', ['a', 'b'], schema)).toEqual({ rows: [], problems: [] });
  });
});

describe('how problems are written', () => {
  test('formatProblem names file, row and field', () => {
    expect(formatProblem({ file: 'data/figures.csv', row: 8, field: 'value', message: 'bad' })).toBe(
      'data/figures.csv, row 8, field "value": bad',
    );
    expect(formatProblem({ file: 'data/figures.csv', row: 8, field: null, message: 'bad' })).toBe('data/figures.csv, row 8: bad');
  });

  test('DataError lists every problem, one per line, up to 25', () => {
    const problems = Array.from({ length: 27 }, (_, i) => ({ file: 'f.csv', row: i + 2, field: 'value', message: 'bad' }));
    const err = new DataError(problems);
    expect(err.name).toBe('DataError');
    expect(err.problems).toHaveLength(27);
    const lines = err.message.split('\n');
    expect(lines[0]).toBe('Invalid data:');
    expect(lines[1]).toBe('  f.csv, row 2, field "value": bad');
    expect(lines[25]).toBe('  f.csv, row 26, field "value": bad');
    expect(lines[26]).toBe('  …and 2 more');
    expect(lines).toHaveLength(27);
  });

  test('every problem of one bad file is reported, not only the first', () => {
    const edit = (t: string) =>
      replaceOnce(
        replaceOnce(breakCoworker(t), 'productivity-executives,productivity,executives,77,percent,', 'productivity-executives,productivity,boards,77,percent,'),
        'sample-executives,sample,executives,1250,people,',
        'sample-executives,sample,executives,1250,persons,',
      );
    expect(problemsOf(withFigures(edit))).toEqual([
      { file: 'data/figures.csv', row: 3, field: 'cohort' },
      { file: 'data/figures.csv', row: 8, field: 'value' },
      { file: 'data/figures.csv', row: 29, field: 'unit' },
    ]);
  });
});
