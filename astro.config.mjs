// @ts-check
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import { validateData } from './src/integrations/validate-data.ts';

/**
 * BASE_PATH deploys dist/ under a sub-path (e.g. BASE_PATH=/ai-burnout/); SITE_URL is the public
 * origin used for canonical links, oEmbed and citations.
 */
const base = process.env.BASE_PATH || '/';
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory' },
  integrations: [validateData(), svelte()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
