/** Registers the project's client directives: `client:inview` and `client:ready` (src/lib/directives/). */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export function clientDirectives(): AstroIntegration {
  return {
    name: 'client-directives',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        for (const name of ['inview', 'ready']) {
          addClientDirective({ name, entrypoint: fileURLToPath(new URL(`../lib/directives/${name}.ts`, import.meta.url)) });
        }
      },
    },
  };
}
