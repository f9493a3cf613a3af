// @ts-check
import { plainDynamicImports } from './src/integrations/plain-imports.ts';
import { defineConfig } from 'astro/config';
import svelte from '@astrojs/svelte';
import { validateData } from './src/integrations/validate-data.ts';
import { headersFile } from './src/integrations/headers.ts';
import { fontSubset } from './src/integrations/font-subset.ts';
import { siteMap } from './src/integrations/sitemap.ts';
import { LOCAL_SITE, siteUrlCheck } from './src/integrations/site-url.ts';
import { CLASS_PATHS, classMode, connectSrc, guessApi, guessApiPath, guessApiPlugin } from './src/integrations/guess-api.ts';

/**
 * BASE_PATH deploys dist/ under a sub-path (e.g. BASE_PATH=/ai-burnout/); SITE_URL is the public
 * origin used for every absolute address (canonical links, oEmbed, citations, the sitemap); a build
 * without it warns (src/integrations/site-url.ts). `npm start` sets it to the local preview's address.
 */
const base = process.env.BASE_PATH || '/';
const site = process.env.SITE_URL || LOCAL_SITE;
/**
 * GUESS_API is where the guess service answers ("/api/", or an absolute https://…/api/): after a
 * reveal, "Guess first" sends the guess there and shows how readers guessed. Unset, the build has no
 * trace of it (src/integrations/guess-api.ts); anything else stops the build.
 */
const guessApiSetting = guessApi(process.env.GUESS_API);

/**
 * V8's explicit compile hint on every built chunk over 4 KB: its functions are compiled eagerly, on a
 * background thread while the file streams in, instead of lazily on the main thread when first
 * called (measured, when charts hydrated: a chart's hydration went from about 30 to 18 ms). Browsers without the hint
 * read a comment.
 * @returns {import('vite').Plugin}
 */
function compileHints() {
  return {
    name: 'compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        // Small chunks compile in no time; the hint would only add bytes.
        if (chunk.type === 'chunk' && chunk.code.length > 4096) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory' },
  // headersFile runs last: it precompresses the finished files (the sitemap's too) and writes what
  // servers read.
  integrations: [
    siteUrlCheck(process.env.SITE_URL),
    validateData(),
    svelte({ compilerOptions: { discloseVersion: false } }),
    fontSubset(),
    // Class mode's /join/ and /class/, only with GUESS_API (src/class/).
    classMode(guessApiSetting),
    ...siteMap(),
    headersFile({ api: guessApiPath(guessApiSetting), pages: guessApiSetting ? CLASS_PATHS.map((path) => `/${path}`) : [] }),
  ],
  devToolbar: { enabled: false },
  // resvg (a native module, for the PNG exports) and the font subsetter (WebAssembly, for the SVG
  // exports) run at build time: load them from node_modules.
  vite: {
    ssr: { external: ['@resvg/resvg-js', 'subset-font', 'fontverter', 'harfbuzzjs'] },
    plugins: [compileHints(), plainDynamicImports(), guessApiPlugin(guessApiSetting)],
    // The guess service's address in client code: '' when unset, so every branch behind it is dropped.
    define: { __GUESS_API__: JSON.stringify(guessApiSetting) },
    build: {
      // Dynamic imports stay plain import() (with plainDynamicImports): every page already carries
      // the styles of what it renders, so no preload helper (and no stylesheet fetch) comes with them.
      modulePreload: false,
      // terser packs the client code about 3% tighter than esbuild (see `npm run bench`).
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: /^# allFunctionsCalledOnLoad/ } },
      rollupOptions: {
        output: {
          manualChunks(id) {
            // cohort-url is also read by every page's own script: keep it small and apart.
            if (id.includes('/src/lib/cohort-url.ts')) return 'cohort-url';
          },
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  experimental: {
    // A Content-Security-Policy <meta> on every page: script-src and style-src list 'self' and the
    // hash of every inline script and style (lib/inline-scripts.ts for the two of our own). Nothing
    // is loaded from another origin; the guess service (GUESS_API) is the one origin fetched from when
    // it is not the site's own. frame-ancestors cannot be set in <meta>: the build copies each
    // page's policy into dist/_headers with it (src/integrations/headers.ts).
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        connectSrc(guessApiSetting),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
