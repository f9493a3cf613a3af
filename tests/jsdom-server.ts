/**
 * jsdom with Vite's server transforms: Svelte components compile for the server, so a test renders
 * a component's server markup (svelte/server) into a DOM and starts its island module on it, as a
 * page does with no Svelte runtime in the browser. Used by vitest.config.ts's "dom-server" project.
 */
import { builtinEnvironments, type Environment } from 'vitest/runtime';

export default { ...builtinEnvironments.jsdom, name: 'jsdom-server', viteEnvironment: 'ssr' } satisfies Environment;
