/**
 * Printing the story and /teach/ as a handout. styles/print.css hides the controls and prints black
 * on white; this script does what CSS cannot. Just before printing it opens every chart's table of
 * numbers, gives internal links their absolute address (print.css writes it after the link), and
 * fills a print-only footer with the page's address, the study's citation and the group the charts
 * show. After printing it puts the page back. It also shows "Print handout" buttons ([data-print]),
 * which stay hidden without JavaScript, and hides the note that stands in for them ([data-print-note]).
 */
import { DEFAULT_COHORT, parseCohort, STORY_COHORT_LABELS, urlWithCohort } from './cohort-url';

/** Opens every closed item; returns a function that closes again only those it opened. */
export function openAll(items: Iterable<{ open: boolean }>): () => void {
  const opened = [...items].filter((item) => !item.open);
  for (const item of opened) item.open = true;
  return () => {
    for (const item of opened) item.open = false;
  };
}

/**
 * "Charts show: Freelancers." for the page's group (<html data-cohort>, lib/cohort.ts; the default
 * when unset), or null on a page without charts. Every chart follows that one attribute from the
 * server render on, so no chart can show another group.
 */
export function chartsShowLine(pageCohort: string | undefined, charts: number): string | null {
  if (charts === 0) return null;
  return `Charts show: ${STORY_COHORT_LABELS[parseCohort(pageCohort)]}.`;
}

/** The address to print: the page's canonical URL, with ?cohort= when the charts show another group. */
export function printedUrl(canonical: string, pageCohort: string | undefined): string {
  const url = new URL(canonical);
  url.hash = '';
  return urlWithCohort(url.toString(), parseCohort(pageCohort));
}

/** Readies the document for print; returns the function that undoes it. */
export function prepareForPrint(doc: Document): () => void {
  const closeAgain = openAll(doc.querySelectorAll<HTMLDetailsElement>('figure details'));

  // Internal links print their absolute address (attr(href) alone would print "/data/…").
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href^="/"]:not([href^="//"])')) {
    a.dataset.printUrl = a.href;
  }

  const pageCohort = doc.documentElement.dataset.cohort;
  const charts = doc.querySelectorAll('figure[data-chart]').length;
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? doc.location?.href ?? '';
  const showLine = chartsShowLine(pageCohort, charts);
  const pageUrl = canonical ? printedUrl(canonical, charts ? pageCohort : DEFAULT_COHORT) : '';

  let footer = doc.querySelector<HTMLElement>('[data-print-footer]');
  const created = !footer;
  if (!footer) {
    footer = doc.createElement('aside');
    footer.className = 'print-only print-footer';
    footer.dataset.printFooter = '';
    footer.setAttribute('aria-label', 'About this printout');
    const study = doc.querySelector<HTMLTextAreaElement>('textarea[data-citation="report-apa"]')?.value;
    const figure = doc.querySelector<HTMLAnchorElement>('a.fig[href]');
    const lines: [string, string][] = [];
    if (study) lines.push(['Study', study]);
    if (figure) {
      const data = new URL(figure.href);
      data.hash = '';
      lines.push(['Sources', `every number links to its row on the data page, ${data}`]);
    }
    footer.append(...['data-print-cohort', 'data-print-page'].map((name) => paragraph(doc, name)));
    for (const [label, text] of lines) footer.append(paragraph(doc, '', `${label}: ${text}`));
    (doc.querySelector('main') ?? doc.body).append(footer);
  }
  const cohortLine = footer.querySelector<HTMLElement>('[data-print-cohort]');
  if (cohortLine) {
    cohortLine.textContent = showLine ?? '';
    cohortLine.hidden = !showLine;
  }
  const pageLine = footer.querySelector<HTMLElement>('[data-print-page]');
  if (pageLine && pageUrl) pageLine.textContent = `Printed from: ${pageUrl}`;

  return () => {
    closeAgain();
    if (created) footer.remove();
  };
}

function paragraph(doc: Document, attribute: string, text = ''): HTMLParagraphElement {
  const p = doc.createElement('p');
  if (attribute) p.setAttribute(attribute, '');
  p.textContent = text;
  return p;
}

/** Wires printing into the page: beforeprint/afterprint, and the "Print handout" buttons. */
export function registerPrint(win: Window = window): void {
  const doc = win.document;
  let undo: (() => void) | null = null;
  win.addEventListener('beforeprint', () => {
    undo?.();
    undo = prepareForPrint(doc);
  });
  win.addEventListener('afterprint', () => {
    undo?.();
    undo = null;
  });
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => win.print());
  }
  for (const note of doc.querySelectorAll<HTMLElement>('[data-print-note]')) note.hidden = true;
}
