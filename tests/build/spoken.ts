/**
 * What a screen reader says on a built page: @guidepup/virtual-screen-reader walks the page's DOM
 * in jsdom (no scripts run, so this is the page as its HTML has it), and `readings` and `repeats`
 * turn its spoken phrases into sentences and find any sentence said twice.
 *
 * The rule, precisely:
 * - A walk is the reader's phrases from the start of the container, `next` by `next`, to its end.
 * - "end of …" phrases are left out: on leaving an element the reader says its role and name again,
 *   which real screen readers do not.
 * - Each phrase loses its role word ("heading", "image", "cell", …) and its states and properties
 *   ("level 2", "position 1", "set size 5", "current page", …); what is left is its text.
 * - An element that takes its name from its own content (a link, a cell, a heading…) and holds
 *   other elements is named by the reader and then walked into, so its content comes again; a
 *   real screen reader reads it once, so that name is not a reading (the walk into it is). So for
 *   a control inside its <label>: the label's text is walked after the control.
 * - The text is split into sentences after ". ", "! " or "? " (and ".,", as where a name ends and
 *   a description begins; not after an initial, "J. "), white space collapsed; a sentence is compared without its closing punctuation and case.
 * - Not sentences: a single word or number ("and" between two links, "88%" on a mark), anything
 *   with no letter or digit ("▶", "·"), and a quotation on its own (“…”): a source's words, cited
 *   wherever the page discusses them.
 * - A sentence ends in ".", "!" or "?" (a closing quote or bracket aside); anything else is a label
 *   (a group, a value, "Not reported", a link's words). A label is read twice only when it is said
 *   again by the element that said it, or one inside it, or one it names or is named by
 *   (aria-labelledby, aria-describedby): an image named "Not reported" whose text says it again.
 *   Labels otherwise recur by design: the picker's "Not in the report" and its trail's name.
 * - A sentence is read twice when it is said again anywhere later in the walk, unless the two come
 *   from parallel places: elements of the same kind (tag and class) neither of which holds the
 *   other, one in each of a repeated structure — each chart's "Show the numbers", each retelling's
 *   note in the press trail, each cell of a table (a group, a value or a source recurs from row to
 *   row). A name and the text it was taken from are never parallel: a figure and its heading, an
 *   image and its own text, a table and its caption, a group and its legend.
 * - The numbers table is the chart again, as a grid, on request (it sits in "Show the numbers"; a
 *   browser shows it to a screen reader once that is opened), so it restates the chart's groups,
 *   measures and values by design: sentences in its rows are checked against each other only.
 */
import { JSDOM } from 'jsdom';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Virtual } from '@guidepup/virtual-screen-reader';

export interface Phrase {
  /** What the reader said. */
  text: string;
  /** The node the reader was on when it said it. */
  node: Node | null;
}

export interface Reading {
  /** The sentence as said, white space collapsed. */
  sentence: string;
  /** The sentence for comparison: no closing punctuation, lower case. */
  key: string;
  /** Index of the phrase it came from. */
  phrase: number;
  node: Node | null;
}

export interface Repeat {
  sentence: string;
  first: number;
  again: number;
}

/** Walks a page from `container` (a selector, default body) to its end, or to the first node inside `stopAt`. */
/**
 * The page with the built stylesheets that choose what a cohort shows (kit/emphasis.css: text for
 * another cohort is display: none, so not read) inlined: jsdom fetches no linked file.
 */
export function withCohortStyles(html: string, dist = 'dist'): string {
  const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)]
    .map((m) => join(dist, m[1]!))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'))
    .filter((css) => css.includes('[data-only'));
  return sheets.length ? html.replace('</head>', `<style>${sheets.join('\n')}</style></head>`) : html;
}

export async function walk(html: string, options: { container?: string; stopAt?: string } = {}): Promise<Phrase[]> {
  const dom = new JSDOM(withCohortStyles(html), { pretendToBeVisual: true });
  const { document } = dom.window;
  const container = document.querySelector<HTMLElement>(options.container ?? 'body');
  if (!container) throw new Error(`walk: no ${options.container}`);
  const reader = new Virtual();
  await reader.start({ container, window: dom.window as unknown as Window & typeof globalThis });
  const phrases: Phrase[] = [];
  const first = await reader.lastSpokenPhrase();
  phrases.push({ text: first, node: reader.activeNode });
  for (let i = 0; i < 50_000; i++) {
    await reader.next();
    const node = reader.activeNode;
    if (options.stopAt && node) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (el?.closest(options.stopAt)) break;
    }
    const text = await reader.lastSpokenPhrase();
    // At the end the reader stays put and says its last phrase again.
    if (phrases.length && phrases[phrases.length - 1]!.node === node && phrases[phrases.length - 1]!.text === text) break;
    phrases.push({ text, node });
    if (text === 'end of document' || (node === container && text.startsWith('end of'))) break;
  }
  await reader.stop();
  dom.window.close();
  return phrases;
}

export const walkFile = (path: string, options?: { container?: string; stopAt?: string }) =>
  walk(readFileSync(path, 'utf8'), options);

/** ARIA roles (and the reader's names for HTML elements) that open a phrase. */
const ROLES = new Set(
  `alert alertdialog application article banner blockquote button caption cell checkbox code columnheader combobox
  complementary contentinfo definition deletion dialog directory document emphasis feed figure form generic grid
  gridcell group heading image img insertion link list listbox listitem log main mark marquee math menu menubar
  menuitem menuitemcheckbox menuitemradio meter navigation none note option paragraph presentation progressbar radio
  radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status strong
  subscript superscript switch tab table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid
  treeitem`.split(/\s+/),
);
/** Roles whose name comes from their content. */
const NAMED_FROM_CONTENT = new Set(
  'button cell checkbox columnheader gridcell heading link menuitem menuitemcheckbox menuitemradio option radio row rowheader switch tab tooltip treeitem'.split(' '),
);
/** States and properties the reader adds after a name. */
const PROPERTY =
  /^(level \d+|position \d+|set size \d+|current \w+|not checked|checked|partially checked|not selected|selected|expanded|collapsed|disabled|required|invalid|read only|busy|pressed|not pressed|visited|modal|multi-?selectable|orientation is \w+|max value -?[\d.]+|min value -?[\d.]+|current value -?[\d.]+|\d+ columns?|\d+ rows?|has popup \w+|autocomplete \w+|live \w+|atomic|relevant .*)$/;

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const keyOf = (s: string) => s.replace(/[\s.,;:!?…]+$/u, '').toLowerCase();

const elementOf = (node: Node | null): Element | null =>
  !node ? null : node.nodeType === 1 ? (node as Element) : node.parentElement;

/** The text a phrase reads, without its role word and its states. */
function textOf(phrase: Phrase): string {
  let parts = phrase.text.split(', ');
  const role = parts.length && ROLES.has(parts[0]!) ? parts.shift()! : null;
  while (parts.length && PROPERTY.test(parts[parts.length - 1]!)) parts.pop();
  let text = normalise(parts.join(', '));
  const el = elementOf(phrase.node);
  const authored = !!el && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'));
  if (role && NAMED_FROM_CONTENT.has(role) && el && el === phrase.node && !authored && el.children.length) {
    text = normalise(withoutPrefix(text, el.textContent ?? '').replace(/^,/, ''));
  }
  const label = el && el === phrase.node && !authored && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? el.closest('label') : null;
  if (label) text = normalise(withoutPrefix(text, label.textContent ?? '').replace(/^,/, ''));
  return text;
}

/** `text` without its start if that start is `content`, white space aside (a row's name joins its cells with spaces). */
function withoutPrefix(text: string, content: string): string {
  const want = content.replace(/\s+/g, '');
  let i = 0;
  let j = 0;
  while (i < text.length && j < want.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text[i] === want[j]) (i++, j++);
    else return text;
  }
  return j === want.length ? text.slice(i) : text;
}

const isSentence = (s: string) =>
  /[\p{L}\p{N}]/u.test(s) && s.includes(' ') && !/^[“"][^“”"]*[”"][.,;:!?]?$/u.test(s);

/** Every sentence the walk reads, in order. */
export function readings(phrases: Phrase[]): Reading[] {
  const out: Reading[] = [];
  phrases.forEach((phrase, i) => {
    if (/^end of\b/.test(phrase.text)) return;
    const text = textOf(phrase);
    if (!text) return;
    for (const sentence of text.split(/(?<=(?<!(?:^|\s)\p{Lu})[.!?][”’"')\]]*,?)\s+/u)) {
      if (!isSentence(sentence)) continue;
      out.push({ sentence, key: keyOf(sentence), phrase: i, node: phrase.node });
    }
  });
  return out;
}

/** Elements of the same kind, one in each entry of a repeated structure (see the rule above). */
function parallel(a: Node | null, b: Node | null): boolean {
  const x = elementOf(a);
  const y = elementOf(b);
  if (!x || !y || x === y || x.contains(y) || y.contains(x)) return false;
  return x.tagName === y.tagName && (x.getAttribute('class') ?? '') === (y.getAttribute('class') ?? '');
}

/** Whether two readings may say the same sentence: parallel places, or one in a table's rows and one outside. */
function apart(a: Node | null, b: Node | null): boolean {
  const inRow = (n: Node | null) => !!elementOf(n)?.closest('tr');
  return parallel(a, b) || inRow(a) !== inRow(b);
}

/** One element holds the other, or names or describes (an element holding) it. */
function related(a: Node | null, b: Node | null): boolean {
  const x = elementOf(a);
  const y = elementOf(b);
  if (!x || !y) return false;
  if (x.contains(y) || y.contains(x)) return true;
  const refers = (from: Element, to: Element) =>
    ['aria-labelledby', 'aria-describedby'].some((attr) =>
      (from.getAttribute(attr) ?? '').split(/\s+/).some((id) => !!id && !!from.ownerDocument.getElementById(id)?.contains(to)),
    );
  return refers(x, y) || refers(y, x);
}

const isLabel = (sentence: string) => !/[.!?][”’"')\]]*,?$/u.test(sentence);

/** Every sentence read a second time (see the rule above), with the phrases of both readings. */
export function repeats(phrases: Phrase[]): Repeat[] {
  const found: Repeat[] = [];
  const said = new Map<string, Reading[]>();
  for (const r of readings(phrases)) {
    const before = said.get(r.key) ?? [];
    const first = before.find((b) => (isLabel(r.sentence) && isLabel(b.sentence) ? related(b.node, r.node) : !apart(b.node, r.node)));
    if (first) found.push({ sentence: r.sentence, first: first.phrase, again: r.phrase });
    said.set(r.key, [...before, r]);
  }
  return found;
}
