/** Every registry entry has everything a chart gets, and the list of charts in dist/ follows the registry. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/registry';
import { missingOutputs } from './chart-outputs';

test('every chart in the registry has its story slot, page, embed, images, CSV, oEmbed and list entry', () => {
  expect(missingOutputs('dist', CHARTS.map((c) => c.id))).toEqual([]);
});

test('the chart list in dist/ is in story order', async () => {
  const { readFileSync } = await import('node:fs');
  const list = JSON.parse(readFileSync('dist/data/charts/index.json', 'utf8')) as { charts: { id: string; csv: string }[] };
  expect(list.charts.map((c) => c.id)).toEqual(CHARTS.map((c) => c.id));
  expect(list.charts[0]!.csv).toMatch(/\/data\/charts\/[a-z-]+\.csv$/);
});

test('a chart added to the registry without its outputs is reported, item by item', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dist-'));
  writeFileSync(join(dist, 'index.html'), '<figure data-chart="only-in-story"></figure>');
  mkdirSync(join(dist, 'data', 'charts'), { recursive: true });
  writeFileSync(join(dist, 'data', 'charts', 'index.json'), JSON.stringify({ charts: [{ id: 'only-in-story' }, { id: 'gone' }] }));
  const problems = missingOutputs(dist, ['only-in-story']);
  expect(problems).toContain('only-in-story: no embed page');
  expect(problems).toContain('only-in-story: no chart page');
  expect(problems).toContain('only-in-story: no PNG for freelancers');
  expect(problems).toContain('only-in-story: no CSV');
  expect(problems).toContain('only-in-story: no oEmbed');
  expect(problems).not.toContain('only-in-story: no slot in the story (index.html)');
  expect(problems).toContain('data/charts/index.json lists charts the registry lacks: gone');
});
