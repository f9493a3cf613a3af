/**
 * Ready-to-paste citations of this explainer and of the report it explains, in APA 7, MLA 9, Chicago
 * (notes and bibliography: the bibliography entry) and BibTeX. Pure: the caller passes the report's
 * row from data/sources.csv and the site's absolute URL; nothing here reads files or the clock, so a
 * citation never carries a build date. Plain text cannot carry italics: the page that shows these
 * says which titles to set in italics.
 */
import type { Source } from '../data/schema';

/** A person, split into given and family names. */
export interface Person {
  given: string;
  family: string;
}
/** An organisation or team credited as author, e.g. "Tools to Teammates team". */
export interface Group {
  group: string;
}
export type Author = Person | Group;

/** What a citation needs to know about a work. */
export interface Work {
  /** A report (a standalone document from an organisation) or a web page. */
  kind: 'report' | 'webpage';
  authors: readonly Author[];
  /** The title as published, in headline style ("From Tools to Teammates: Navigating …"). */
  title: string;
  /** Proper names inside the title, kept as written when the title is put in sentence case. */
  names?: readonly string[];
  /** The organisation that published it ("The Upwork Research Institute"), or null. */
  publisher: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null when unknown. */
  published: string | null;
  url: string | null;
  /** BibTeX key; derived from the first author, year and title when absent. */
  key?: string;
  /** What it is, in APA's brackets after the title ("Data set", "Chart"); none for a page or a report. */
  medium?: string;
  /**
   * When the reader retrieved it, YYYY-MM-DD, for works that change (a chart, its data); ACCESSED
   * while unknown (the page prints that, and the reader's browser fills in today's date).
   */
  accessed?: string;
}

/** The retrieval date before the reader's browser has filled it in (or with JavaScript off). */
export const ACCESSED = '[date retrieved]';

export const CITATION_STYLES = ['apa', 'mla', 'chicago', 'bibtex'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** How each style is named on the page ("APA 7") and in a sentence ("APA citation"). */
export const STYLE_LABELS: Record<CitationStyle, { label: string; name: string }> = {
  apa: { label: 'APA (7th edition)', name: 'APA citation' },
  mla: { label: 'MLA (9th edition)', name: 'MLA citation' },
  chicago: { label: 'Chicago (notes and bibliography), bibliography entry', name: 'Chicago citation' },
  bibtex: { label: 'BibTeX', name: 'BibTeX entry' },
};

/** This explainer, as its byline and publication date give it. */
export const EXPLAINER = {
  title: 'Tools to Teammates, explored',
  author: 'the Tools to Teammates team',
  published: '2026-11-26',
  names: ['Tools to Teammates'],
  key: 'toolstoteammates2026',
} as const;

/** The explainer as a work, at the site's absolute URL. */
export function explainerWork(siteUrl: string): Work {
  return {
    kind: 'webpage',
    authors: [{ group: EXPLAINER.author.replace(/^the\s+/i, '') }],
    title: EXPLAINER.title,
    names: EXPLAINER.names,
    publisher: null,
    published: EXPLAINER.published,
    url: siteUrl,
    key: EXPLAINER.key,
  };
}

/** A source row from data/sources.csv (the report) as a work. Authors are "Given Family". */
export function reportWork(source: Source): Work {
  return {
    kind: 'report',
    authors: source.authors.map(splitName),
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    url: source.url,
  };
}

/** "Gabby Burlacu" -> { given: "Gabby", family: "Burlacu" }; a single word is a family name. */
export function splitName(name: string): Person {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop() ?? '';
  return { given: parts.join(' '), family };
}

/** Every style for one work. */
export function citeAll(work: Work): Record<CitationStyle, string> {
  return { apa: apa(work), mla: mla(work), chicago: chicago(work), bibtex: bibtex(work) };
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** MLA abbreviates months of more than four letters in the works-cited list. */
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const BIB_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface DateParts {
  year: string;
  month?: number;
  day?: number;
}
function dateParts(iso: string | null): DateParts | null {
  const m = iso?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return null;
  return { year: m[1], month: m[2] ? Number(m[2]) - 1 : undefined, day: m[3] ? Number(m[3]) : undefined };
}

const isGroup = (a: Author): a is Group => 'group' in a;
/** A publisher's name without a leading article: "The Upwork Research Institute" -> "Upwork Research Institute". */
const publisherName = (p: string) => p.replace(/^the\s+/i, '');
/** Ends a part of a citation with a full stop unless it already ends with one (or ? or !). */
const stop = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);
const fullName = (p: Person) => (p.given ? `${p.given} ${p.family}` : p.family);
const inverted = (p: Person) => (p.given ? `${p.family}, ${p.given}` : p.family);
/** Whether the publisher is the author itself (APA then names it once, as author; MLA once, as publisher). */
const publisherIsAuthor = (w: Work) =>
  !!w.publisher && w.authors.some((a) => isGroup(a) && publisherName(a.group) === publisherName(w.publisher!));

/** Word-like runs of letters and digits, with inner apostrophes ("it's"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Character ranges covered by proper names, which case changes leave alone. */
function protectedRanges(title: string, names: readonly string[] = []): [number, number][] {
  const ranges: [number, number][] = [];
  for (const name of names) {
    if (!name) continue;
    for (let i = title.indexOf(name); i !== -1; i = title.indexOf(name, i + name.length)) {
      ranges.push([i, i + name.length]);
    }
  }
  return ranges;
}
const within = (ranges: [number, number][], at: number) => ranges.some(([a, b]) => at >= a && at < b);

/** True for the first word of a title or of a subtitle (after a colon, question mark, dash…). */
function startsPart(title: string, at: number): boolean {
  const before = title.slice(0, at).trimEnd();
  return before === '' || /[:?!—–]$/.test(before);
}
/** Acronyms and mixed-case names keep their letters: "AI", "iPhone", "McKinsey". */
const keepsCase = (word: string) =>
  word === 'I' || (word.length > 1 && /\p{Lu}/u.test(word) && word === word.toUpperCase()) || /.\p{Lu}/u.test(word);
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Sentence case (APA): capitals only for the first word of the title and of a subtitle, proper names
 * and acronyms. "From Tools to Teammates: Navigating the New Human-AI Relationship" ->
 * "From tools to teammates: Navigating the new human-AI relationship".
 */
export function sentenceCase(title: string, names: readonly string[] = []): string {
  const ranges = protectedRanges(title, names);
  return title.replace(WORD, (word, at: number) => {
    if (within(ranges, at)) return word;
    if (startsPart(title, at)) return capitalise(word);
    return keepsCase(word) ? word : word.toLowerCase();
  });
}

/** Articles, coordinating conjunctions and prepositions: lower case inside a headline-style title. */
const MINOR = new Set(
  'a an the and but or nor for so yet as at by from in into of off on onto out over per to up upon via with vs'.split(' '),
);

/**
 * Headline style (MLA, Chicago): capitalise every word except articles, conjunctions and
 * prepositions in the middle; the first and last words and the first word of a subtitle always.
 * "Tools to Teammates, explored" -> "Tools to Teammates, Explored".
 */
export function titleCase(title: string, names: readonly string[] = []): string {
  const ranges = protectedRanges(title, names);
  const words = [...title.matchAll(WORD)];
  const last = words.length ? words[words.length - 1].index : -1;
  return title.replace(WORD, (word, at: number) => {
    if (within(ranges, at) || keepsCase(word)) return word;
    if (at !== last && !startsPart(title, at) && MINOR.has(word.toLowerCase())) return word.toLowerCase();
    return capitalise(word);
  });
}

// ---------------------------------------------------------------------------------------------
// APA 7

/** "Gabby" -> "G."; "Mary Ann" -> "M. A."; "Jean-Paul" -> "J.-P.". */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((name) =>
      name
        .split('-')
        .map((part) => `${part.charAt(0).toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
}

function apaAuthors(authors: readonly Author[]): string {
  const names = authors.map((a) => (isGroup(a) ? a.group : a.given ? `${a.family}, ${initials(a.given)}` : a.family));
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]}, & ${names[1]}`;
  // APA lists up to 20 authors; from 21 on, the first 19, an ellipsis, then the last.
  const shown = names.length > 20 ? [...names.slice(0, 19), '. . .'] : names.slice(0, -1);
  const lastJoin = names.length > 20 ? ' ' : ', & ';
  return `${shown.join(', ')}${lastJoin}${names[names.length - 1]}`;
}

function apaDate(iso: string | null): string {
  const d = dateParts(iso);
  if (!d) return '(n.d.)';
  if (d.month === undefined) return `(${d.year})`;
  return `(${d.year}, ${MONTHS[d.month]}${d.day ? ` ${d.day}` : ''})`;
}

/**
 * APA 7 reference: Author, A., & Author, B. (2025, July 9). Title in sentence case. Publisher. URL
 * (the title is set in italics; a URL ends the entry with no full stop).
 */
export function apa(work: Work): string {
  const bare = sentenceCase(work.title, work.names);
  const title = work.medium ? `${bare} [${work.medium}].` : stop(bare);
  const publisher = work.publisher && !publisherIsAuthor(work) ? stop(publisherName(work.publisher)) : '';
  const parts = work.authors.length
    ? [stop(apaAuthors(work.authors)), `${apaDate(work.published)}.`, title]
    : [title, `${apaDate(work.published)}.`];
  // A work that changes gives the date it was retrieved: "Retrieved December 1, 2026, from URL".
  const url = work.url && work.accessed ? `Retrieved ${chicagoDate(work.accessed, true)}, from ${work.url}` : (work.url ?? '');
  return [...parts, publisher, url].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------
// MLA 9

function mlaAuthors(authors: readonly Author[]): string {
  const name = (a: Author, first: boolean) => (isGroup(a) ? a.group : first ? inverted(a) : fullName(a));
  if (authors.length === 0) return '';
  if (authors.length === 1) return name(authors[0], true);
  if (authors.length === 2) return `${name(authors[0], true)}, and ${name(authors[1], false)}`;
  return `${name(authors[0], true)}, et al`;
}

function mlaDate(iso: string | null): string {
  const d = dateParts(iso);
  if (!d) return '';
  if (d.month === undefined) return d.year;
  return [d.day, MLA_MONTHS[d.month], d.year].filter((x) => x !== undefined).join(' ');
}

/** MLA gives web addresses without http:// or https://. */
const mlaUrl = (url: string) => url.replace(/^https?:\/\//, '');

/**
 * MLA 9 works-cited entry: Author, First, and First Author. Title in Headline Style. Publisher,
 * 9 July 2025, www.example.org/page. (The title is set in italics; no access date.)
 */
export function mla(work: Work): string {
  // When an organisation is both author and publisher, MLA starts with the title and names it once, as publisher.
  const authors = publisherIsAuthor(work) ? '' : mlaAuthors(work.authors);
  const title = stop(titleCase(work.title, work.names));
  const publisher = work.publisher ? publisherName(work.publisher) : '';
  const tail = [publisher, mlaDate(work.published), work.url ? mlaUrl(work.url) : ''].filter(Boolean).join(', ');
  const accessed = work.accessed ? `Accessed ${work.accessed === ACCESSED ? ACCESSED : mlaDate(work.accessed)}.` : '';
  return [authors ? stop(authors) : '', title, tail ? stop(tail) : '', accessed].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Chicago, notes and bibliography: bibliography entry

function chicagoAuthors(authors: readonly Author[]): string {
  const names = authors.map((a, i) => (isGroup(a) ? a.group : i === 0 ? inverted(a) : fullName(a)));
  if (names.length <= 1) return names.join('');
  if (names.length === 2) return `${names[0]}, and ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

function chicagoDate(iso: string | null, access = false): string {
  if (access && iso === ACCESSED) return ACCESSED;
  const d = dateParts(iso);
  if (!d) return 'n.d.';
  if (d.month === undefined) return d.year;
  return d.day ? `${MONTHS[d.month]} ${d.day}, ${d.year}` : `${MONTHS[d.month]} ${d.year}`;
}

/**
 * Chicago bibliography entry. A report: Author, First, and First Author. Title in Headline Style.
 * Publisher, July 9, 2025. URL. (title in italics). A web page: Author. “Title.” Month Day, Year. URL.
 */
export function chicago(work: Work): string {
  const authors = chicagoAuthors(work.authors);
  const headline = titleCase(work.title, work.names);
  const title = work.kind === 'webpage' ? `“${stop(headline)}”` : stop(headline);
  const date = chicagoDate(work.published);
  const publisher = work.publisher ? publisherName(work.publisher) : '';
  const issued = work.kind === 'report' && publisher ? `${publisher}, ${date}.` : `${publisher ? `${stop(publisher)} ` : ''}${stop(date)}`;
  const accessed = work.accessed ? `Accessed ${chicagoDate(work.accessed, true)}.` : '';
  return [authors ? stop(authors) : '', title, issued, accessed, work.url ? stop(work.url) : ''].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------
// BibTeX

const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes the characters that TeX treats specially: \ { } & % $ # _ ~ ^. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIAL[c]);
}

/**
 * A title for BibTeX: escaped, with proper names and acronyms in braces so that styles which change
 * case leave them alone ("Human-{AI}", "{Tools to Teammates}").
 */
export function bibtexTitle(title: string, names: readonly string[] = []): string {
  const ranges = protectedRanges(title, names).sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  const plain = (s: string) => escapeBibtex(s).replace(WORD, (w) => (keepsCase(w) && w.length > 1 ? `{${w}}` : w));
  for (const [a, b] of ranges) {
    if (a < at) continue;
    out += plain(title.slice(at, a)) + `{${escapeBibtex(title.slice(a, b))}}`;
    at = b;
  }
  return out + plain(title.slice(at));
}

/**
 * The url field is read verbatim by biblatex and by the url package, so it is not TeX-escaped;
 * only characters that would unbalance the entry (braces, backslash, spaces) are percent-encoded.
 */
const bibtexUrl = (url: string) =>
  url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const asciiLetters = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** "burlacu2025tools": first author's family name, year, first word of the title that is not minor. */
export function bibtexKey(work: Work): string {
  if (work.key) return work.key;
  const first = work.authors[0];
  const who = first ? asciiLetters(isGroup(first) ? first.group.split(/\s+/)[0] : first.family) : '';
  const year = dateParts(work.published)?.year ?? '';
  const word = [...work.title.matchAll(WORD)].map((m) => m[0]).find((w) => !MINOR.has(w.toLowerCase())) ?? '';
  return `${who}${year}${asciiLetters(word)}` || 'untitled';
}

/**
 * A BibTeX entry: @techreport for a report, @misc for a web page. Group authors are double-braced
 * so they are not split into first and last names; the month is BibTeX's macro (jul).
 */
export function bibtex(work: Work): string {
  const d = dateParts(work.published);
  const authors = work.authors
    .map((a) => (isGroup(a) ? `{${escapeBibtex(a.group)}}` : escapeBibtex(a.given ? `${a.family}, ${a.given}` : a.family)))
    .join(' and ');
  const fields: [string, string][] = [];
  if (authors) fields.push(['author', `{${authors}}`]);
  fields.push(['title', `{${bibtexTitle(work.title, work.names)}}`]);
  if (work.kind === 'report' && work.publisher) fields.push(['institution', `{${escapeBibtex(publisherName(work.publisher))}}`]);
  if (work.kind === 'webpage' && work.publisher) fields.push(['organization', `{${escapeBibtex(publisherName(work.publisher))}}`]);
  if (d) fields.push(['year', `{${d.year}}`]);
  if (d?.month !== undefined) fields.push(['month', BIB_MONTHS[d.month]]);
  if (work.url) fields.push(['url', `{${bibtexUrl(work.url)}}`]);
  if (work.accessed) fields.push(['urldate', `{${work.accessed === ACCESSED ? 'YYYY-MM-DD' : work.accessed}}`]);
  if (work.medium) fields.push(['note', `{${escapeBibtex(work.medium)}}`]);
  const type = work.kind === 'report' ? 'techreport' : 'misc';
  return `@${type}{${bibtexKey(work)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}
