/**
 * What the build must write for every chart in the registry: its slot in the story, its own page,
 * its embed, images in each cohort, its CSV, its oEmbed and its line in the chart list. Pure over a
 * dist/ folder, so a fixture folder can prove it reports what is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COHORTS = ['full-time', 'freelancers', 'all'] as const;

/** What is missing from `dist` for the given chart ids, one line each. */
export function missingOutputs(dist: string, ids: readonly string[]): string[] {
  const problems: string[] = [];
  const read = (path: string) => (existsSync(join(dist, path)) ? readFileSync(join(dist, path), 'utf8') : null);
  const story = read('index.html') ?? '';
  const list = read('data/charts/index.json');
  const listed = list ? (JSON.parse(list) as { charts: { id: string }[] }).charts.map((c) => c.id) : [];
  for (const id of ids) {
    if (!story.includes(`data-chart="${id}"`)) problems.push(`${id}: no slot in the story (index.html)`);
    if (!(read(`embed/${id}/index.html`) ?? '').includes(`data-chart="${id}"`)) problems.push(`${id}: no embed page`);
    if (!read(`charts/${id}/index.html`)) problems.push(`${id}: no chart page`);
    for (const c of COHORTS) {
      for (const ext of ['svg', 'png']) if (!existsSync(join(dist, 'images', `${id}.${c}.${ext}`))) problems.push(`${id}: no ${ext.toUpperCase()} for ${c}`);
    }
    if (!read(`data/charts/${id}.csv`)) problems.push(`${id}: no CSV`);
    if (!read(`oembed/${id}.json`)) problems.push(`${id}: no oEmbed`);
    if (!listed.includes(id)) problems.push(`${id}: not in data/charts/index.json`);
  }
  const extra = listed.filter((id) => !ids.includes(id));
  if (extra.length) problems.push(`data/charts/index.json lists charts the registry lacks: ${extra.join(', ')}`);
  return problems;
}
