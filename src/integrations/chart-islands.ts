/**
 * Chart islands from the chart folders, with no per-chart code to write. Astro hydrates only
 * components imported by name in an .astro file, so this Vite plugin writes those imports for
 * components/ChartIsland.astro as it loads it: one island per chart folder (a folder under
 * src/charts/ with an entry.ts and a component named after the folder), chosen by the registry
 * entry's component. Each island module is generated too (the chart's component in ChartShell),
 * served as src/charts/<Folder>/Island.svelte, so the build bundles one chart's code per island.
 * Adding a chart therefore needs its folder and its registry line, nothing here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const CHARTS_DIR = resolve('src/charts');
const TARGET = resolve('src/components/ChartIsland.astro');
const IMPORTS = '// chart-islands: imports';
const BRANCHES = '{/* chart-islands: branches */}';

/** The chart folders: a folder with an entry.ts and a <Folder>.svelte component. */
export function chartFolders(dir = CHARTS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'entry.ts')) && existsSync(join(dir, d.name, `${d.name}.svelte`)))
    .map((d) => d.name)
    .sort();
}

/** The island module of one chart folder: its component inside the shared shell. */
export function islandSource(folder: string): string {
  return `<script lang="ts">
  import ChartShell from '../ChartShell.svelte';
  import type { ShellProps } from '../types';
  import Chart from './${folder}.svelte';
  let props: ShellProps = $props();
</script>

<ChartShell {...props} component={Chart} />
`;
}

/** ChartIsland.astro with its markers replaced by one import pair and one branch per folder. */
export function withIslands(source: string, folders: readonly string[]): string {
  if (!source.includes(IMPORTS) || !source.includes(BRANCHES)) throw new Error(`${TARGET}: the chart-islands markers are missing`);
  const imports = folders
    .map((f, i) => `import Island${i} from '../charts/${f}/Island.svelte';\nimport Chart${i} from '../charts/${f}/${f}.svelte';`)
    .join('\n');
  const branches = folders.map((_, i) => `{component === Chart${i} && <Island${i} client:inview {...props} />}`).join('\n');
  return source.replace(IMPORTS, imports).replace(BRANCHES, branches);
}

const ISLAND = /[\\/]src[\\/]charts[\\/]([A-Za-z]+)[\\/]Island\.svelte$/;

export function chartIslands(): Plugin {
  return {
    name: 'chart-islands',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer || !id.endsWith('/Island.svelte')) return null;
      const path = resolve(importer.replace(/[?#].*$/, ''), '..', id);
      const m = ISLAND.exec(path);
      return m && chartFolders().includes(m[1]!) ? path : null;
    },
    load(id) {
      const file = id.replace(/[?#].*$/, '');
      if (file === TARGET && !id.includes('?')) return withIslands(readFileSync(TARGET, 'utf8'), chartFolders());
      const m = ISLAND.exec(file);
      if (m && !id.includes('?') && chartFolders().includes(m[1]!)) return islandSource(m[1]!);
      return null;
    },
  };
}
