/**
 * The site's only inline scripts, kept as strings so each page can add the exact hash of the text it
 * prints to its Content-Security-Policy (script-src has no 'unsafe-inline'). Each must run before
 * first paint, so they cannot be deferred modules. Build-time only: imported by layouts and pages.
 *
 * usage (in an .astro file): <InlineScript code={THEME_SCRIPT} /> (components/InlineScript.astro)
 * Keep each to a few lines, with no value from the page's data in it: the hash is of this text.
 */
import { createHash } from 'node:crypto';

/** Embeds: ?theme=light|dark, an exact match from a fixed list, sets the theme before first paint. */
export const THEME_SCRIPT =
  "(function(){var t=new URLSearchParams(location.search).get('theme');" +
  "if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t);})();";

/**
 * Every page: the reader's cohort from ?cohort= (the first one, an exact match from the fixed list,
 * else the default) on <html data-cohort> before first paint, so each chart is drawn emphasised for
 * it from the start (charts/kit/emphasis.css). tests/unit/cohort.test.ts holds the list to STORY_COHORTS.
 */
export const COHORT_SCRIPT =
  "(function(){var c=new URLSearchParams(location.search).get('cohort');" +
  "if(c==='freelancers'||c==='all')document.documentElement.setAttribute('data-cohort',c);})();";

/** /present/: projector layout from the first paint (lib/presenter.ts does the rest). */
export const PRESENT_SCRIPT = "document.documentElement.setAttribute('data-present','');";

/** The CSP source expression for an inline script's text: 'sha256-…' without the quotes. */
export function scriptHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
