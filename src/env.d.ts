/// <reference types="astro/client" />

/** GUESS_API at build time: where the guess service answers ('/api/' or https://…/api/), '' when unset (astro.config.mjs). */
declare const __GUESS_API__: string;

/** The crowd's stylesheet, or an empty one without GUESS_API (src/integrations/guess-api.ts). */
declare module 'guess-crowd.css';

/** Imports the crowd panel's chunk (src/integrations/guess-api.ts); fails without GUESS_API. */
declare module 'virtual:guess-crowd' {
  const load: () => Promise<typeof import('./components/crowd/index')>;
  export default load;
}

/** The styles of /teach/'s "Run it as a class" section, or none without GUESS_API (src/integrations/guess-api.ts). */
declare module 'class-teach.css';

/** Wires /teach/'s "Start a class" button; nothing without GUESS_API (src/integrations/guess-api.ts). */
declare module 'virtual:class-start';
