/**
 * The chart registry as the browser tests see it (Playwright, the engine tests): read once per
 * process from src/charts/registry.ts by tests/registry-read.ts, in a Node process of its own, so
 * a test never keeps its own copy of which chart has a control, which draws the same in every
 * cohort, or what a chart's page says of each cohort.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Cohort = 'full-time' | 'freelancers' | 'all';

export interface RegistryChart {
  id: string;
  /** The chart has a control of its own, an island (ChartEntry.island). */
  island: boolean;
  /** The drawing is the same in every cohort (ChartEntry.sameInEveryCohort). */
  sameInEveryCohort: boolean;
  /** The description the page shows in each cohort (ChartSpec.pageDescriptions). */
  pageDescriptions: Record<Cohort, string>;
}

let charts: RegistryChart[] | undefined;

/** Every chart in the registry, in story order. */
export function registryCharts(): RegistryChart[] {
  if (!charts) {
    const script = fileURLToPath(new URL('./registry-read.ts', import.meta.url));
    // Without the runner's own loader options: the child loads TypeScript with tsx alone.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    charts = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { env, encoding: 'utf8' })) as RegistryChart[];
  }
  return charts;
}

/** One chart of the registry. */
export function registryChart(id: string): RegistryChart {
  const chart = registryCharts().find((c) => c.id === id);
  if (!chart) throw new Error(`No chart "${id}" in src/charts/registry.ts`);
  return chart;
}
