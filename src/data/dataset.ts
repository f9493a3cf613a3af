/**
 * The whole dataset, validated across files: unique ids, every source id known, rival readings
 * grouped under a claim that really has rivals. Pure: it takes file texts, so tests can feed it
 * fixtures; load.ts reads the real files.
 */
import { orderChanges, type Change } from './changes';
import { DataError, parseCsv, type Problem } from './parse';
import { studyOfSource } from './studies';
import { RELATIVE_UNITS, TRAIL_INFO } from './trail';
import {
  coverageRow,
  COVERAGE_COLUMNS,
  type Coverage,
  changeRow,
  CHANGE_COLUMNS,
  contextRow,
  figureRow,
  FIGURE_COLUMNS,
  sourceRow,
  SOURCE_COLUMNS,
  type ChangeRow,
  type ContextFigure,
  type Figure,
  type Source,
} from './schema';

export interface Dataset {
  figures: Figure[];
  sources: Source[];
  /** Figures from other studies, used only as clearly labelled context. */
  context: ContextFigure[];
  /** The public record of changes, oldest first: the first entry is the first publication. */
  changes: Change[];
  /** The press trail: each page's retelling of each headline figure, in file order. */
  coverage: Coverage[];
}

export interface DatasetFiles {
  /** File name (as shown in messages) and text of each CSV file. */
  figures: { file: string; text: string };
  sources: { file: string; text: string };
  context: { file: string; text: string };
  changes: { file: string; text: string };
  coverage: { file: string; text: string };
}

export interface BuildOptions {
  /** Today as YYYY-MM-DD (UTC unless given): no entry of changes.csv may be dated after it. */
  today?: string;
}

export function buildDataset(files: DatasetFiles, options: BuildOptions = {}): Dataset {
  const sources = parseCsv(files.sources.text, files.sources.file, SOURCE_COLUMNS, sourceRow);
  const figures = parseCsv(files.figures.text, files.figures.file, FIGURE_COLUMNS, figureRow);
  const context = parseCsv(files.context.text, files.context.file, FIGURE_COLUMNS, contextRow);
  const changes = parseCsv(files.changes.text, files.changes.file, CHANGE_COLUMNS, changeRow);
  const coverage = parseCsv(files.coverage.text, files.coverage.file, COVERAGE_COLUMNS, coverageRow);
  const problems: Problem[] = [...sources.problems, ...figures.problems, ...context.problems, ...changes.problems, ...coverage.problems];

  uniqueIds(sources.rows, files.sources.file, problems);
  // Figure ids are unique across figures and context, so a link to /data/#<id> is never ambiguous.
  uniqueIds([...figures.rows, ...context.rows], null, problems, {
    figures: files.figures.file,
    context: files.context.file,
    split: figures.rows.length,
  });

  // A row of sources.csv that failed its own checks is missing from `known`; every figure citing it
  // would then be reported as citing an id that "is not in" sources.csv, which is false. So the ids
  // are checked only against a sources.csv that parsed cleanly.
  const known = new Set(sources.rows.map((r) => r.record.id));
  const cited = sources.problems.length
    ? []
    : ([
        [figures, files.figures.file, false],
        [context, files.context.file, true],
      ] as const);
  for (const [parsed, file, isContext] of cited) {
    for (const { row, record } of parsed.rows) {
      // Which study a row belongs to is read from its sources (src/data/studies.ts): a context row
      // cites the pages of one other study; a figure of the report cites none of them.
      const studies = new Set<string>();
      for (const id of record.source_ids) {
        if (!known.has(id)) {
          problems.push({ file, row, field: 'source_ids', message: `unknown source id "${id}" (not in ${files.sources.file})` });
          continue;
        }
        const study = studyOfSource(id);
        if (isContext && !study) {
          problems.push({
            file,
            row,
            field: 'source_ids',
            message: `source "${id}" is listed under no study in src/data/studies.ts; a context row cites the pages of one other study, listed there`,
          });
        } else if (!isContext && study) {
          problems.push({
            file,
            row,
            field: 'source_ids',
            message: `source "${id}" is a page of another study ("${study}" in src/data/studies.ts); a figure of the report cannot cite it`,
          });
        }
        if (study) studies.add(study);
      }
      if (isContext && studies.size > 1) {
        problems.push({ file, row, field: 'source_ids', message: `cites the pages of ${studies.size} studies (${[...studies].map((s) => `"${s}"`).join(', ')}); a context row belongs to one study` });
      }
    }
  }

  // A claim groups rival readings of one published number: at least two rows, the same value.
  const claims = new Map<string, { row: number; record: Figure }[]>();
  for (const r of figures.rows) {
    if (r.record.claim) claims.set(r.record.claim, [...(claims.get(r.record.claim) ?? []), r]);
  }
  for (const [claim, rows] of claims) {
    // As above: with a rejected row in figures.csv, a claim may look single only because its rival
    // was the row rejected.
    if (rows.length < 2 && !figures.problems.length) {
      problems.push({
        file: files.figures.file,
        row: rows[0].row,
        field: 'claim',
        message: `claim "${claim}" has only this row; a claim groups two or more rival readings (leave it empty otherwise)`,
      });
    }
    for (const r of rows.slice(1)) {
      if (r.record.value !== rows[0].record.value) {
        problems.push({
          file: files.figures.file,
          row: r.row,
          field: 'value',
          message: `rival readings of claim "${claim}" must share one published number: ${r.record.value} here, ${rows[0].record.value} on row ${rows[0].row}`,
        });
      }
    }
  }

  checkChanges(changes.rows, files.changes.file, options.today ?? new Date().toISOString().slice(0, 10), problems, {
    // As for source ids: ids are checked only against files that parsed cleanly.
    figures: figures.problems.length || context.problems.length ? null : new Set([...figures.rows, ...context.rows].map((r) => r.record.id)),
    sources: sources.problems.length ? null : known,
    figuresFile: files.figures.file,
    contextFile: files.context.file,
    sourcesFile: files.sources.file,
    rejected: changes.problems.length > 0,
  });

  // As for figures: the trail's source ids are checked only against a sources.csv that parsed cleanly.
  if (!sources.problems.length) checkCoverage(coverage.rows, files.coverage.file, sources.rows.map((r) => r.record), files.sources.file, problems);

  if (problems.length) throw new DataError(problems);
  return {
    sources: sources.rows.map((r) => r.record),
    figures: figures.rows.map((r) => r.record),
    context: context.rows.map((r) => r.record),
    changes: orderChanges(changes.rows.map((r) => r.record)),
    coverage: coverage.rows.map((r) => r.record),
  };
}

/**
 * coverage.csv across files: every source id in sources.csv, one row per page and figure, and
 * departures that fit the data. The report's own row of a figure (its root) records no departure; a
 * number other than the report's must say why (number changed, or from another study); a relative
 * figure written as a share, or the reverse, must say so; a number the report does not give must be
 * marked as from another study or found nowhere else. The departures that need reading (a group
 * widened, a cause added) are the record's; these checks only keep the record consistent.
 */
function checkCoverage(rows: { row: number; record: Coverage }[], file: string, sources: Source[], sourcesFile: string, problems: Problem[]) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const seen = new Map<string, number>();
  const roots = new Map<string, Coverage>();
  for (const { row, record } of rows) {
    const source = byId.get(record.source_id);
    if (!source) {
      problems.push({ file, row, field: 'source_id', message: `unknown source id "${record.source_id}" (not in ${sourcesFile})` });
      continue;
    }
    const key = `${record.source_id} ${record.figure}`;
    const first = seen.get(key);
    if (first) problems.push({ file, row, field: 'figure', message: `"${record.figure}" from "${record.source_id}" is already on row ${first}; one row per page and figure` });
    else seen.set(key, row);
    if (source.kind === 'report') {
      if (record.drift.length) problems.push({ file, row, field: 'drift', message: 'the report’s own row is the root of the trail and cannot depart from itself' });
      if (record.figure === 'not-in-report') problems.push({ file, row, field: 'figure', message: 'the report’s own row cannot be a number that is not in the report' });
      roots.set(record.figure, record);
    }
  }
  for (const { row, record } of rows) {
    const source = byId.get(record.source_id);
    if (!source || source.kind === 'report') continue;
    const info = TRAIL_INFO[record.figure];
    const has = (d: Coverage['drift'][number]) => record.drift.includes(d);
    if (record.figure === 'not-in-report') {
      if (!has('other-study') && !has('found-nowhere-else')) {
        problems.push({ file, row, field: 'drift', message: 'a number the report does not give must be marked "other-study" or "found-nowhere-else"' });
      }
      continue;
    }
    if (record.value !== null && record.value !== info.value && !has('number-changed') && !has('other-study')) {
      problems.push({ file, row, field: 'drift', message: `${record.value} is not the report’s ${info.value}: mark it "number-changed" or "other-study"` });
    }
    if (has('number-changed') && record.value === info.value) {
      problems.push({ file, row, field: 'drift', message: `"number-changed", but ${record.value} is the report’s own number` });
    }
    const root = roots.get(record.figure);
    if (root?.reading && record.reading && root.reading !== record.reading) {
      const relRoot = RELATIVE_UNITS.includes(root.reading);
      const relHere = RELATIVE_UNITS.includes(record.reading);
      if (relRoot && !relHere && !has('relative-as-share')) {
        problems.push({ file, row, field: 'drift', message: `the report reads this number as ${root.reading} and this page as ${record.reading}: mark it "relative-as-share"` });
      }
      if (!relRoot && relHere && !has('share-as-relative')) {
        problems.push({ file, row, field: 'drift', message: `the report reads this number as ${root.reading} and this page as ${record.reading}: mark it "share-as-relative"` });
      }
    }
  }
}

/**
 * changes.csv across files: every figure id in figures.csv or context.csv, every source id in
 * sources.csv, no date after today, and at least one entry (the first publication). Entries may be
 * written in any order; the loader sorts them by date.
 */
function checkChanges(
  rows: { row: number; record: ChangeRow }[],
  file: string,
  today: string,
  problems: Problem[],
  known: {
    figures: Set<string> | null;
    sources: Set<string> | null;
    figuresFile: string;
    contextFile: string;
    sourcesFile: string;
    rejected: boolean;
  },
) {
  if (!rows.length && !known.rejected) {
    problems.push({ file, row: 1, field: null, message: 'has no entries; the first entry is the first publication of the site' });
  }
  for (const { row, record } of rows) {
    if (record.date > today) {
      problems.push({ file, row, field: 'date', message: `${record.date} is in the future (today is ${today})` });
    }
    for (const id of known.figures ? record.figure_ids : []) {
      if (!known.figures!.has(id)) {
        problems.push({ file, row, field: 'figure_ids', message: `unknown figure id "${id}" (not in ${known.figuresFile} or ${known.contextFile})` });
      }
    }
    if (record.source_id && known.sources && !known.sources.has(record.source_id)) {
      problems.push({ file, row, field: 'source_id', message: `unknown source id "${record.source_id}" (not in ${known.sourcesFile})` });
    }
  }
}

function uniqueIds(
  rows: { row: number; record: { id: string } }[],
  file: string | null,
  problems: Problem[],
  split?: { figures: string; context: string; split: number },
) {
  const seen = new Map<string, string>();
  rows.forEach(({ row, record }, i) => {
    const f = file ?? (split && i < split.split ? split.figures : split!.context);
    const first = seen.get(record.id);
    if (first) problems.push({ file: f, row, field: 'id', message: `duplicate id "${record.id}" (first on ${first})` });
    else seen.set(record.id, `${f} row ${row}`);
  });
}
