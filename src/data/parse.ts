/**
 * CSV text -> typed records, once, at the boundary. Pure: takes the text and the file's name, so the
 * same code runs in the build and in the unit tests. Every problem is reported as
 * `<file>, row <n>, field "<column>": <what is wrong>`, where row 1 is the header line.
 */
import Papa from 'papaparse';
import type { z } from 'zod';

export interface Problem {
  file: string;
  /** 1-based line number of the record's first line in the file; the header is row 1. */
  row: number;
  /** The column at fault, or null when the fault is the row's shape (too few fields, a stray quote). */
  field: string | null;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.field === null ? `${p.file}, row ${p.row}` : `${p.file}, row ${p.row}, field "${p.field}"`;
  return `${where}: ${p.message}`;
}

/** Thrown for any bad input; its message lists every problem found (up to 25), one per line. */
export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const shown = problems.slice(0, 25).map(formatProblem);
    if (problems.length > shown.length) shown.push(`…and ${problems.length - shown.length} more`);
    super(`Invalid data:\n  ${shown.join('\n  ')}`);
    this.name = 'DataError';
    this.problems = problems;
  }
}

export interface Parsed<T> {
  /** The typed record and the row it came from, so cross-row checks can name it. */
  rows: { row: number; record: T }[];
  problems: Problem[];
}

/**
 * Parse one CSV file against a row schema. The header must be exactly `columns`, in order. Blank
 * lines are skipped. Never throws: the caller decides when to stop (see `orThrow`).
 */
export function parseCsv<S extends z.ZodTypeAny>(
  text: string,
  file: string,
  columns: readonly string[],
  schema: S,
): Parsed<z.output<S>> {
  const problems: Problem[] = [];
  const rows: Parsed<z.output<S>>['rows'] = [];
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return { rows, problems: [{ file, row: 1, field: null, message: 'the file is empty' }] };
  }

  // Line number of each record start: papaparse reports record indexes, people read line numbers.
  const lineAt = lineIndex(body);
  const records: { row: number; fields: string[] }[] = [];
  let start = 0;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    step(result) {
      const row = lineAt(start);
      for (const e of result.errors) {
        const message =
          e.code === 'MissingQuotes'
            ? 'a quoted field is never closed (a stray " ?)'
            : e.code === 'InvalidQuotes'
              ? 'a quote appears inside an unquoted field or after a closing quote; wrap the field in "…" and double any " inside'
              : e.message;
        problems.push({ file, row, field: null, message });
      }
      // papaparse keeps a " in the middle of an unquoted field as a literal character, without an
      // error; in CSV it is a typo (a field holding a quote must be quoted, the quote doubled).
      if (!result.errors.length) {
        const at = quoteInUnquotedField(body.slice(start, result.meta.cursor));
        if (at >= 0) {
          problems.push({
            file,
            row,
            field: columns[at] ?? null,
            message: 'a quote appears inside an unquoted field; wrap the field in "…" and double any " inside',
          });
        }
      }
      records.push({ row, fields: result.data });
      // papaparse's cursor is just past this record's line break: where the next record starts.
      start = result.meta.cursor;
    },
  });
  if (problems.length) return { rows, problems };

  const [head, ...data] = records;
  const header = head.fields.map((h) => h.trim());
  if (header.join(',') !== columns.join(',')) {
    problems.push({
      file,
      row: 1,
      field: null,
      message: `the header must be "${columns.join(',')}" but is "${header.join(',')}"`,
    });
    return { rows, problems };
  }

  for (const { row, fields } of data) {
    if (fields.length === 1 && fields[0].trim() === '') continue; // a blank line
    if (fields.length !== columns.length) {
      problems.push({
        file,
        row,
        field: null,
        message: `has ${fields.length} fields, expected ${columns.length} (${fields.length < columns.length ? 'a short row' : 'a long row: an unquoted comma?'})`,
      });
      continue;
    }
    const raw = Object.fromEntries(columns.map((c, i) => [c, fields[i]]));
    const result = schema.safeParse(raw);
    if (result.success) {
      rows.push({ row, record: result.data });
    } else {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        const got = field in raw ? ` (got "${raw[field]}")` : '';
        problems.push({ file, row, field: field || null, message: `${issue.message}${got}` });
      }
    }
  }
  return { rows, problems };
}

/**
 * The index of the first field of one raw record in which a " appears although the field does not
 * start with one, or -1. Quoted fields (which may hold commas, newlines and doubled quotes) are
 * stepped over; papaparse itself reports quotes that are never closed or are followed by text.
 */
function quoteInUnquotedField(raw: string): number {
  let field = 0;
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '"') {
      i++;
      while (i < raw.length) {
        if (raw[i] === '"') {
          if (raw[i + 1] === '"') {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
    }
    while (i < raw.length && raw[i] !== ',' && raw[i] !== '\n' && raw[i] !== '\r') {
      if (raw[i] === '"') return field;
      i++;
    }
    if (raw[i] !== ',') return -1;
    i++;
    field++;
  }
  return -1;
}

/** Maps a character offset to a 1-based line number. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
