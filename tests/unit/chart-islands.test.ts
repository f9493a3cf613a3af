/** Chart islands are written from the chart folders: every registry chart has one, and none is hand-written. */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { OTHER_ISLANDS, STATIC_ENTRY, chartFolders, islandModules, islandSource, islandTable, withIslands } from '../../src/integrations/chart-islands';
import { CHARTS } from '../../src/charts/registry';

test('every chart folder has an entry and a component named after it, and no hand-written island', () => {
  const folders = chartFolders();
  expect(folders.length).toBeGreaterThanOrEqual(6);
  for (const f of folders) {
    expect(existsSync(`src/charts/${f}/entry.ts`)).toBe(true);
    expect(existsSync(`src/charts/${f}/Island.svelte`), `${f}/Island.svelte is generated, not a file`).toBe(false);
  }
});

test('every registry entry with an island points at the component of one chart folder; a static one gets none', async () => {
  const components = await Promise.all(chartFolders().map(async (f) => (await import(`../../src/charts/${f}/${f}.svelte`)).default));
  for (const c of CHARTS) {
    if (c.static) expect(components, `${c.id} is static: no island`).not.toContain(c.component);
    else expect(components, c.id).toContain(c.component);
  }
  // The static entry's folder is recognised by its entry.ts, which is what the build reads.
  expect(CHARTS.some((c) => c.static)).toBe(true);
  expect(STATIC_ENTRY.test('  select,\n  static: true,\n')).toBe(true);
  expect(STATIC_ENTRY.test('  // static: false\n  select,\n')).toBe(false);
});

test('ChartIsland.astro gets one import pair and one branch per folder, and names no chart itself', () => {
  const source = readFileSync('src/components/ChartIsland.astro', 'utf8');
  for (const f of chartFolders()) expect(source).not.toContain(f);
  const out = withIslands(source, ['Alpha', 'Beta']);
  expect(out).toContain("import Island1 from '../charts/Beta/Island.svelte';");
  expect(out).toContain("import Chart0 from '../charts/Alpha/Alpha.svelte';");
  expect(out).toContain('{component === Chart1 && <Island name="Beta" props={props}><Island1 {...props} /></Island>}');
  expect(() => withIslands('---\n---\n', ['Alpha'])).toThrow(/markers are missing/);
  expect(islandSource('Alpha')).toContain("import Chart from './Alpha.svelte';");
});

test("the loader's table has every chart folder and every other island, by name, and refuses a name that is not a word", () => {
  const rows = islandModules(chartFolders());
  expect(rows.map(([name]) => name)).toEqual([...chartFolders(), ...Object.keys(OTHER_ISLANDS)]);
  for (const [name, file] of rows) expect(file.endsWith(OTHER_ISLANDS[name] ?? `src/charts/${name}/Island.svelte`), name).toBe(true);
  for (const file of Object.values(OTHER_ISLANDS)) expect(existsSync(file), file).toBe(true);
  expect(islandTable([['Alpha', '"/x/Alpha.svelte"']])).toBe('export default {\n  Alpha: () => import("/x/Alpha.svelte"),\n};\n');
  expect(() => islandModules(['Not-a-name'])).toThrow(/letters only/);
});
