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

export function loadData(dir = dataDir()): Dataset {
  if (cached?.dir === dir) return cached.data;
  const read = (name: string) => {
    const path = join(dir, name);
    // Messages name the file as a reader would type it: data/figures.csv, not an absolute path.
    return { file: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
  };
  const data = buildDataset({
    figures: read('figures.csv'),
    sources: read('sources.csv'),
    context: read('context.csv'),
  });
  cached = { dir, data };
  return data;
}
