import { existsSync, readFileSync } from 'node:fs';

/**
 * Every chart the story must show, in story order: read from the build's chart list
 * (/data/charts/index.json, written from the registry), never kept here as a copy.
 */
export const STORY_CHARTS: readonly string[] = (() => {
  const file = 'dist/data/charts/index.json';
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site first (npm run build)`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { charts: { id: string }[] }).charts.map((c) => c.id);
})();
