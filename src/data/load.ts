/**
 * Reads data/*.csv from disk and validates them (build time only; never import from a client
 * component). The directory can be overridden with DATA_DIR, which the build-failure tests use to
 * point the real build at bad fixtures.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDataset, type Dataset } from './dataset';

let cached: { dir: string; data: Dataset } | undefined;

export function dataDir(): string {
  return process.env.DATA_DIR || join(process.cwd(), 'data');
}

/** A data file as messages name it, as a reader would type it: data/figures.csv, not an absolute path. */
export function dataFile(name: string, dir = dataDir()): string {
  const path = join(dir, name);
  return relative(process.cwd(), path) || path;
}

export function loadData(dir = dataDir()): Dataset {
  if (cached?.dir === dir) return cached.data;
  const read = (name: string) => ({ file: dataFile(name, dir), text: readFileSync(join(dir, name), 'utf8') });
  const data = buildDataset({
    figures: read('figures.csv'),
    sources: read('sources.csv'),
    context: read('context.csv'),
    changes: read('changes.csv'),
    coverage: read('coverage.csv'),
  });
  cached = { dir, data };
  return data;
}
