/**
 * Prints, as JSON, what the browser tests need to know of each chart in the registry: whether it has
 * a control of its own (`island`), whether it draws the same in every cohort, and the description
 * its page shows in each cohort. Run by tests/registry.ts in a Node process of its own (with tsx),
 * since the registry imports the charts' Svelte components, which no test runner of the browser
 * tests can load: here each `.svelte` import resolves to an empty module, as nothing of them is used.
 */
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) {
      if (specifier.endsWith('.svelte')) return { url: 'data:text/javascript,export default null', shortCircuit: true };
      return next(specifier, context);
    }`,
  )}`,
);

const { CHARTS } = await import('../src/charts/registry.ts');
const { resolveChart } = await import('../src/charts/resolve.ts');
const { loadData } = await import('../src/data/load.ts');

const dataset = loadData();
const charts = CHARTS.map((entry) => ({
  id: entry.id,
  island: entry.island === true,
  sameInEveryCohort: entry.sameInEveryCohort === true,
  pageDescriptions: resolveChart(entry, dataset).spec.pageDescriptions,
}));
process.stdout.write(JSON.stringify(charts));
