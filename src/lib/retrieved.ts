/**
 * Fills the retrieval date into the citations of a "Reuse this work" block: each text box with
 * `data-cite-work` (the work, as lib/citations.ts takes it) and `data-cite-style` is written again
 * with today's date in the reader's own time zone. Without JavaScript the boxes keep "[date retrieved]".
 */
import { CITATION_STYLES, citeAll, type CitationStyle, type Work } from './citations';

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function fillRetrievalDates(root: ParentNode, now = new Date()): void {
  const date = today(now);
  for (const box of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-cite-work][data-cite-style]')) {
    const style = box.dataset.citeStyle as CitationStyle;
    if (!(CITATION_STYLES as readonly string[]).includes(style)) continue;
    try {
      const work = JSON.parse(box.dataset.citeWork!) as Work;
      box.value = citeAll({ ...work, accessed: date })[style];
    } catch {
      // unreadable: keep the placeholder
    }
  }
  const note = root.querySelector<HTMLElement>('[data-cite-note]');
  if (note) note.textContent = `Each citation gives today’s date as the date you retrieved the chart or its data. Set the title in italics after pasting.`;
}
