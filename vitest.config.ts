/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { configDefaults } from 'vitest/config';
import { svelteTesting } from '@testing-library/svelte/vite';

/** Component tests that render a component's server markup (svelte/server) and start its island. */
const DOM_SERVER = ['tests/component/cohort-toggle.test.ts'];

/**
 * Three projects: "node" for pure logic, server renders (svelte/server) and build tests; "dom" for
 * components mounted in jsdom with Testing Library, which needs Svelte's browser build;
 * "dom-server" for islands: a component's server markup in jsdom, wired up by its island module.
 */
export default getViteConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'tests/unit/**/*.test.ts',
            'tests/render/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/server/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        // Components are tested as a build with GUESS_API=/api/ has them (the crowd's code is reached
        // through virtual:guess-crowd, which the tests mock); the build without it is tests/build's.
        define: { __GUESS_API__: JSON.stringify('/api/') },
        test: {
          name: 'dom',
          include: ['tests/component/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...DOM_SERVER],
          environment: 'jsdom',
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom-server',
          include: DOM_SERVER,
          environment: './tests/jsdom-server.ts',
          setupFiles: ['tests/setup.ts'],
        },
      },
    ],
  },
});
