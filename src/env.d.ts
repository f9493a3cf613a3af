/// <reference types="astro/client" />

/** The project's own client directives (src/lib/directives/, registered in astro.config.mjs). */
declare module 'astro' {
  interface AstroClientDirectives {
    'client:inview'?: boolean | { rootMargin?: string };
    'client:ready'?: boolean;
  }
}

export {};
