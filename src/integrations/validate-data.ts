/**
 * Validates data/*.csv before Astro writes anything: a bad row stops `astro build` (and the dev
 * server) with the file, row and field, and dist/ is left as it was. The "Guess first" questions
 * (src/data/guesses.ts) are checked against the figures in the same step.
 */
import type { AstroIntegration } from 'astro';
import { checkGuesses } from '../data/guesses';
import { dataFile, loadData } from '../data/load';

export function validateData(): AstroIntegration {
  return {
    name: 'validate-data',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const { figures, sources, context } = loadData();
        checkGuesses(figures, dataFile('figures.csv'));
        logger.info(`${figures.length} figures, ${context.length} context figures, ${sources.length} sources: valid`);
      },
    },
  };
}
