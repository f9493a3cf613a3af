// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import { validateData } from './src/integrations/validate-data.ts';
import { headersFile } from './src/integrations/headers.ts';

/**
 * BASE_PATH deploys dist/ under a sub-path (e.g. BASE_PATH=/ai-burnout/); SITE_URL is the public
 * origin used for canonical links, oEmbed and citations.
 */
const base = process.env.BASE_PATH || '/';
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory' },
  integrations: [validateData(), svelte(), headersFile()],
  devToolbar: { enabled: false },
  // resvg is a native module used at build time for the PNG exports: load it from node_modules.
  vite: { ssr: { external: ['@resvg/resvg-js'] } },
  server: { host: '127.0.0.1' },
});
