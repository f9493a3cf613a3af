/**
 * The licence of what this site writes: its charts, their images and the data files under /data/.
 * The project states no other licence, so it is CC BY 4.0. Quoted wording (each figure's `quote`,
 * the sources' titles) stays its sources': the licence covers the site's own selection, wording and
 * drawings, not the words it quotes.
 */
export const LICENCE = {
  /** SPDX / Open Definition identifier. */
  id: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  /** One sentence for descriptions: what the licence covers and what it does not. */
  note:
    "The site's charts and data files are licensed CC BY 4.0: reuse them with credit. Quoted wording (each figure's quote, the sources' titles) remains its sources'.",
} as const;
