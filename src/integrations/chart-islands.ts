/**
 * The site's islands, with no per-chart code to write. This Vite plugin
 * - writes, into components/ChartIsland.astro as it loads it, one import pair and one branch per
 *   chart folder (a folder under src/charts/ with an entry.ts and a component named after the
 *   folder), chosen by the registry entry's component;
 * - generates each chart's island module (the chart's component in ChartBody), served as
 *   src/charts/<Folder>/Island.svelte, so the build bundles one chart's code per island;
 * - serves `virtual:islands`, the loader's table (lib/islands.ts): every island's name and a dynamic
 *   import of its module, the chart folders' and the other components' (OTHER_ISLANDS), so each
 *   becomes its own chunk, fetched only by a page that holds that island. Each such module
 *   (`virtual:island:<Name>`) gives the component and Svelte's `hydrate`, so the loader itself
 *   imports nothing: no island code is fetched before the first paint.
 * Adding a chart therefore needs its folder and its registry line, nothing here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const CHARTS_DIR = resolve('src/charts');
const TARGET = resolve('src/components/ChartIsland.astro');
const IMPORTS = '// chart-islands: imports';
const VIRTUAL = 'virtual:islands';
const RESOLVED_VIRTUAL = '\0virtual:islands';
const MODULE = 'virtual:island:';

/** Code the loader fetches only when a reader asks for it: name → module, from the project root. */
export const ON_DEMAND: Readonly<Record<string, string>> = {
  Explorer: 'src/lib/explore/index.ts',
};

/** Islands that are not charts: name → component, from the project root. */
export const OTHER_ISLANDS: Readonly<Record<string, string>> = {
  CohortToggle: 'src/components/CohortToggle.svelte',
  GuessFirst: 'src/components/GuessFirst.svelte',
};

/** Every island: its name and its module's path. */
export function islandModules(folders: readonly string[]): [name: string, file: string][] {
  const rows: [string, string][] = [
    ...folders.map((f): [string, string] => [f, join(CHARTS_DIR, f, 'Island.svelte')]),
    ...Object.entries(OTHER_ISLANDS).map(([name, file]): [string, string] => [name, resolve(file)]),
  ];
  for (const [name] of rows) if (!/^[A-Za-z]+$/.test(name)) throw new Error(`island name "${name}": letters only`);
  return rows;
}

/** One island's module: its component, and the hydrate() the loader calls it with. */
export function islandModule(file: string): string {
  return `export { default } from ${JSON.stringify(file)};\nexport { hydrate } from 'svelte';\n`;
}

/**
 * The loader's table, `export default { Name: () => import(…), … }`. Each value is how the loader
 * imports that island: in a build, the address of its own emitted chunk from the site's root (so the
 * import is a plain one, with no preload helper fetching stylesheets the page already has); in dev,
 * the module's id.
 */
export function islandTable(rows: readonly [name: string, importable: string][]): string {
  return `export default {\n${rows.map(([name, what]) => `  ${name}: () => import(${what}),`).join('\n')}\n};\n`;
}
const BRANCHES = '{/* chart-islands: branches */}';

/** A chart whose entry declares `static: true` (ChartEntry.static) has no island: it ships no code. */
export const STATIC_ENTRY = /^\s*static:\s*true\b/m;

/** The chart folders: a folder with an entry.ts and a <Folder>.svelte component. */
export function chartFolders(dir = CHARTS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'entry.ts')) && existsSync(join(dir, d.name, `${d.name}.svelte`)))
    .map((d) => d.name)
    .sort();
}

/**
 * The chart folders whose entry is static (ChartEntry.static): their body is rendered on the server
 * only, through the same generated component, and they get no island, no chunk and no table entry.
 */
export function staticFolders(dir = CHARTS_DIR): string[] {
  return chartFolders(dir).filter((f) => STATIC_ENTRY.test(readFileSync(join(dir, f, 'entry.ts'), 'utf8')));
}

/** The chart folders that are islands. */
export function islandFolders(dir = CHARTS_DIR): string[] {
  const statics = staticFolders(dir);
  return chartFolders(dir).filter((f) => !statics.includes(f));
}

/** The island module of one chart folder: its component in the shared live body. */
export function islandSource(folder: string): string {
  return `<script lang="ts">
  import ChartBody from '../ChartBody.svelte';
  import type { BodyProps } from '../types';
  import Chart from './${folder}.svelte';
  let props: BodyProps = $props();
</script>

<ChartBody {...props} component={Chart} />
`;
}

/**
 * ChartIsland.astro with its markers replaced by one import pair and one branch per folder: an
 * island, or for a static folder its body alone, in the wrapper an island has (display: contents).
 */
export function withIslands(source: string, folders: readonly string[], statics: readonly string[] = []): string {
  if (!source.includes(IMPORTS) || !source.includes(BRANCHES)) throw new Error(`${TARGET}: the chart-islands markers are missing`);
  const imports = folders
    .map((f, i) => `import Island${i} from '../charts/${f}/Island.svelte';\nimport Chart${i} from '../charts/${f}/${f}.svelte';`)
    .join('\n');
  const branches = folders
    .map((f, i) =>
      statics.includes(f)
        ? `{component === Chart${i} && <div class="island"><Island${i} {...props} /></div>}`
        : `{component === Chart${i} && <Island name="${f}" props={props}><Island${i} {...props} /></Island>}`,
    )
    .join('\n');
  return source.replace(IMPORTS, imports).replace(BRANCHES, branches);
}

const ISLAND = /[\\/]src[\\/]charts[\\/]([A-Za-z]+)[\\/]Island\.svelte$/;

export function chartIslands(): Plugin {
  let build = false;
  let base = '/';
  return {
    name: 'chart-islands',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
      base = config.base;
    },
    resolveId(id, importer) {
      if (id === VIRTUAL) return RESOLVED_VIRTUAL;
      if (id.startsWith(MODULE)) return `\0${id}`;
      if (!id.endsWith('/Island.svelte')) return null;
      // Relative to its importer; an emitted chunk (the loader's table) names it by its full path.
      const path = importer ? resolve(importer.replace(/[?#].*$/, ''), '..', id) : resolve(id);
      const m = ISLAND.exec(path);
      return m && chartFolders().includes(m[1]!) ? path : null;
    },
    // The loader is small enough to be inlined in each page, where import.meta.url is the page's:
    // its table names each island's chunk from the site's root (BASE_PATH included), not relatively.
    resolveFileUrl({ fileName }) {
      return JSON.stringify(`${base.endsWith('/') ? base : `${base}/`}${fileName}`);
    },
    load(id) {
      if (id === RESOLVED_VIRTUAL) {
        // Islands come through their module (component and hydrate); on-demand code as it is.
        const rows: [string, string][] = [
          ...islandModules(islandFolders()).map(([name]): [string, string] => [name, MODULE + name]),
          ...Object.entries(ON_DEMAND).map(([name, file]): [string, string] => [name, resolve(file)]),
        ];
        if (!build) return islandTable(rows.map(([name, id]) => [name, JSON.stringify(id)]));
        return islandTable(rows.map(([name, id]) => [name, `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'chunk', id, name })}`]));
      }
      if (id.startsWith(`\0${MODULE}`)) {
        const row = islandModules(islandFolders()).find(([name]) => `\0${MODULE}${name}` === id);
        if (!row) throw new Error(`${id.slice(1)}: no such island`);
        return islandModule(row[1]);
      }
      const file = id.replace(/[?#].*$/, '');
      if (file === TARGET && !id.includes('?')) return withIslands(readFileSync(TARGET, 'utf8'), chartFolders(), staticFolders());
      const m = ISLAND.exec(file);
      if (m && !id.includes('?') && chartFolders().includes(m[1]!)) return islandSource(m[1]!);
      return null;
    },
  };
}
