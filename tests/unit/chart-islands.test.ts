/** Chart islands are written from the chart folders: every registry chart has one, and none is hand-written. */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { OTHER_ISLANDS, STATIC_ENTRY, chartFolders, islandFolders, staticFolders, islandModules, islandSource, islandTable, withIslands } from '../../src/integrations/chart-islands';
import { CHARTS } from '../../src/charts/registry';
import { STORY_COHORTS } from '../../src/lib/cohort-url';

test('every chart folder has an entry and a component named after it, and no hand-written island', () => {
  const folders = chartFolders();
  expect(folders.length).toBeGreaterThanOrEqual(6);
  for (const f of folders) {
    expect(existsSync(`src/charts/${f}/entry.ts`)).toBe(true);
    expect(existsSync(`src/charts/${f}/Island.svelte`), `${f}/Island.svelte is generated, not a file`).toBe(false);
  }
});

test('every registry entry points at the component of one chart folder; a static one gets no island', async () => {
  const components = await Promise.all(chartFolders().map(async (f) => (await import(`../../src/charts/${f}/${f}.svelte`)).default));
  for (const c of CHARTS) expect(components, c.id).toContain(c.component);
  // The static entries, as the registry says, are the folders the build finds static in their entry.ts.
  const statics = await Promise.all(staticFolders().map(async (f) => (await import(`../../src/charts/${f}/${f}.svelte`)).default));
  expect(CHARTS.filter((c) => c.static).map((c) => c.component)).toEqual(statics);
  expect(statics.length).toBeGreaterThan(0);
  expect(islandFolders()).toEqual(chartFolders().filter((f) => !staticFolders().includes(f)));
  expect(islandModules(islandFolders()).map(([name]) => name)).not.toContain(staticFolders()[0]);
  expect(STATIC_ENTRY.test('  select,\n  static: true,\n')).toBe(true);
  expect(STATIC_ENTRY.test('  // static: false\n  select,\n')).toBe(false);
  // A static folder's branch renders its body in the island's wrapper, with no island.
  const out = withIslands(readFileSync('src/components/ChartIsland.astro', 'utf8'), ['Alpha', 'Beta'], ['Beta']);
  expect(out).toContain('{component === Chart1 && <div class="island"><Island1 {...props} /></div>}');
  expect(out).toContain('<Island name="Alpha"');
  expect(out).not.toContain('<Island name="Beta"');
});

test('the loader names the same cohorts as lib/cohort-url.ts (it imports nothing, so it lists them)', () => {
  const source = readFileSync('src/lib/islands.ts', 'utf8');
  const listed = /COHORT_NAMES: readonly string\[\] = \[([^\]]*)\]/.exec(source)?.[1];
  expect(listed?.split(',').map((s) => s.trim().replace(/^'|'$/g, ''))).toEqual([...STORY_COHORTS]);
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
  const rows = islandModules(islandFolders());
  expect(rows.map(([name]) => name)).toEqual([...islandFolders(), ...Object.keys(OTHER_ISLANDS)]);
  for (const [name, file] of rows) expect(file.endsWith(OTHER_ISLANDS[name] ?? `src/charts/${name}/Island.svelte`), name).toBe(true);
  for (const file of Object.values(OTHER_ISLANDS)) expect(existsSync(file), file).toBe(true);
  expect(islandTable([['Alpha', '"/x/Alpha.svelte"']])).toBe('export default {\n  Alpha: () => import("/x/Alpha.svelte"),\n};\n');
  expect(() => islandModules(['Not-a-name'])).toThrow(/letters only/);
});
