/**
 * GUESS_API: where the guess service answers (README, "How readers guessed"), read at build time.
 * Unset, the build carries no trace of the feature: the client constant `__GUESS_API__` is '' and the
 * bundler drops every branch behind it, and the crowd's styles resolve to nothing. Set, it is a path
 * on the site's own origin ('/api/', covered by connect-src 'self') or an absolute http(s) URL,
 * whose origin connect-src then names; either ends with '/', since the client appends `guesses`.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin, Rollup } from 'vite';

/** The setting checked: '' when unset; anything else that is not a path or an http(s) URL ending in '/' stops the build. */
export function guessApi(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  // Path segments of URL characters, none of them '.' or '..'.
  const path = /^\/(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+\/)*$/.test(raw) && !raw.split('/').some((s) => s === '.' || s === '..');
  let url = false;
  if (/^https?:\/\//i.test(raw)) {
    try {
      const u = new URL(raw);
      url = (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash && raw.endsWith('/') && u.href === raw;
    } catch {
      url = false;
    }
  }
  if (!path && !url) {
    throw new Error(
      `GUESS_API: ${JSON.stringify(raw)} is not a path starting and ending with "/" (/api/) or an absolute http(s) URL ending with "/" (https://guesses.example.org/api/)`,
    );
  }
  return raw;
}

/** The origin connect-src must name for the setting, or null when 'self' covers it (unset, or a path). */
export function guessApiOrigin(api: string): string | null {
  return /^https?:\/\//i.test(api) ? new URL(api).origin : null;
}

/** The path nginx proxies to the service (lib/nginx.ts): the setting when it is a path on this origin, else null. */
export function guessApiPath(api: string): string | null {
  return api.startsWith('/') ? api : null;
}

/** The page's connect-src directive for the setting: 'self', and the service's origin when it is another. */
export function connectSrc(api: string): `connect-src ${string}` {
  const origin = guessApiOrigin(api);
  return origin ? `connect-src 'self' ${origin}` : "connect-src 'self'";
}

/**
 * A feature that exists only with GUESS_API: a style sheet and a module by id. On, the ids resolve
 * to the feature's own style sheet and to the code `load` writes; off, the style sheet to an empty
 * one and the module to what `load` writes for that case (a function that fails, or nothing).
 * `load` runs as a Rollup plugin hook (it may emit a chunk) and is told whether this is a build.
 */
function featurePlugin(
  name: string,
  on: boolean,
  styles: { id: string; file: string },
  code: { id: string; load: (this: Rollup.PluginContext, build: boolean) => string },
): Plugin {
  const none = `\0${name}-none.css`;
  const virtual = `\0${code.id}`;
  let build = false;
  return {
    name,
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId: (id) => (id === styles.id ? (on ? styles.file : none) : id === code.id ? virtual : undefined),
    load(id) {
      if (id === none) return '';
      return id === virtual ? code.load.call(this, build) : undefined;
    },
  };
}

/** The id GuessFirst.astro imports the crowd's styles by. */
export const CROWD_STYLES = 'guess-crowd.css';
/** The id Guess first's island module (components/guess-first.ts) imports the crowd panel's loader by. */
export const CROWD_LOADER = 'virtual:guess-crowd';
const CROWD_CSS = fileURLToPath(new URL('../components/crowd/crowd.css', import.meta.url));
const CROWD_MODULE = fileURLToPath(new URL('../components/crowd/index.ts', import.meta.url));

/**
 * The crowd's styles and code. `import 'guess-crowd.css'` is the crowd's stylesheet when the setting
 * is on, an empty one when not. `virtual:guess-crowd` gives a function that imports the crowd panel:
 * in a build, its own chunk (named Crowd), by its address relative to the importing chunk, so the
 * import is a plain one with no preload helper; with
 * the setting off there is no chunk, and a function that fails (only ever called behind
 * `__GUESS_API__`, so it is dropped too). The client constant `__GUESS_API__` is a `define` in
 * astro.config.mjs.
 */
export function guessApiPlugin(api: string): Plugin {
  return featurePlugin('guess-api', api !== '', { id: CROWD_STYLES, file: CROWD_CSS }, {
    id: CROWD_LOADER,
    load(build) {
      if (!api) return "export default () => Promise.reject(new Error('GUESS_API is not set'));\n";
      const what = build ? `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'chunk', id: CROWD_MODULE, name: 'Crowd' })}` : JSON.stringify(CROWD_MODULE);
      return `export default () => import(${what});\n`;
    },
  });
}

/** Class mode's pages by their path under the base, as Base.astro knows a page: a student's, the teacher's. */
export const CLASS_PATHS = ['join/', 'class/'] as const;
/** Class mode's pages (src/class/), injected only when GUESS_API is set: without it, no /join/ or /class/ is built. */
export const CLASS_PAGES = [
  { pattern: `/${CLASS_PATHS[0].slice(0, -1)}`, entrypoint: fileURLToPath(new URL('../class/JoinPage.astro', import.meta.url)) },
  { pattern: `/${CLASS_PATHS[1].slice(0, -1)}`, entrypoint: fileURLToPath(new URL('../class/ClassPage.astro', import.meta.url)) },
] as const;
/** The id the "Run it as a class" section of /teach/ imports its button's code by. */
export const CLASS_START = 'virtual:class-start';
/** The id it imports its styles by. */
export const CLASS_STYLES = 'class-teach.css';
const START_MODULE = fileURLToPath(new URL('../class/start.ts', import.meta.url));
const TEACH_CSS = fileURLToPath(new URL('../class/teach.css', import.meta.url));

/**
 * Class mode (issue 23): with GUESS_API, the two pages /join/ and /class/, and for /teach/ the
 * Start button's code (`virtual:class-start`, which wires every [data-start-class] button) and its
 * styles (`class-teach.css`). Without it, no page, and both ids resolve to nothing.
 */
export function classMode(api: string): AstroIntegration {
  return {
    name: 'class-mode',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        if (api) for (const page of CLASS_PAGES) injectRoute({ ...page, prerender: true });
        const start = api ? `import { wireStart } from ${JSON.stringify(START_MODULE)};\nwireStart(document, ${JSON.stringify(api)});\n` : 'export {};\n';
        updateConfig({ vite: { plugins: [featurePlugin('class-mode', api !== '', { id: CLASS_STYLES, file: TEACH_CSS }, { id: CLASS_START, load: () => start })] } });
      },
    },
  };
}
