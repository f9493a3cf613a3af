/**
 * Validates data/*.csv before Astro writes anything: a bad row stops `astro build` (and the dev
 * server) with the file, row and field, and dist/ is left as it was.
 */
import type { AstroIntegration } from 'astro';
import { loadData } from '../data/load';

export function validateData(): AstroIntegration {
  return {
    name: 'validate-data',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const { figures, sources, context } = loadData();
        logger.info(`${figures.length} figures, ${context.length} context figures, ${sources.length} sources: valid`);
      },
    },
  };
}
