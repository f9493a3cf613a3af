/**
 * What the sentence checker says about a text, for a reader: one card per claim, as HTML and as plain
 * text. The page /check/ renders its example with these functions at build time (set:html) and the
 * reader's own text with the same functions in the browser, so the two can never differ; the command
 * line (check:claim) prints cardText. Every piece of the reader's text and of the data is escaped
 * here, in text and in attributes alike. Pure and client-safe: no DOM, no I/O.
 */
import { DRIFT_LABELS } from '../data/trail';
import { escapeMarkup } from '../lib/escape';
import { COHORT_LABELS } from '../data/vocab';
import type { CheckData, CheckFigure, CheckResult, Claim, ClaimReading } from './types';

/** The example the page checks at build time, shown (labelled as an example) before a reader types. */
export const EXAMPLE_TEXT =
  'Among high-performing AI users, 88% report burnout, and they are twice as likely to consider quitting.';

/** Where a claim's sentence is in the checked text: a CheckedSentence, or any { text, start }. */
export interface SentenceContext {
  text: string;
  start: number;
}

/** Text made safe for HTML (the site's one escape, src/lib/escape.ts). */
export const escapeHtml = escapeMarkup;

/** The row a claim was placed on, or undefined when it is unplaced. */
export function matchedFigure(claim: Claim, data: CheckData): CheckFigure | undefined {
  return claim.figureId === null ? undefined : data.figures.find((f) => f.id === claim.figureId);
}

/** A group's reader-facing name ("Top AI performers"); an unknown key as it is. */
export function cohortLabel(cohort: string): string {
  return (COHORT_LABELS as Record<string, string>)[cohort] ?? cohort;
}

/** "A", "A and B", "A, B and C". */
function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
}

/** Who gives a figure: "Source: Fortune.", "Sources: Fortune and ZDNet.". */
export function sourcesLine(sources: readonly string[]): string {
  if (sources.length === 0) return 'No source recorded.';
  return `${sources.length === 1 ? 'Source' : 'Sources'}: ${andList(sources)}.`;
}

export type VerdictKind = 'reads-as-report' | 'departs' | 'not-in-report' | 'unplaced';

/**
 * How a claim reads, in one phrase: as the report does; departing from it; a number the report
 * does not give (placed on another study's figure, or on a figure found elsewhere); or unplaced.
 */
export function verdict(claim: Claim, data: CheckData): { kind: VerdictKind; label: string } {
  const row = matchedFigure(claim, data);
  if (!row) return { kind: 'unplaced', label: 'Not in the report' };
  if (claim.figure === 'not-in-report') return { kind: 'not-in-report', label: 'Not in the report' };
  if (claim.departures.length === 0) return { kind: 'reads-as-report', label: 'Reads as the report does' };
  const n = claim.departures.length;
  return { kind: 'departs', label: `Departs from the report in ${n === 1 ? 'one way' : `${n} ways`}` };
}

/** What the card says a number it cannot place, or a figure of another study, is. */
function notInReportText(row: CheckFigure | undefined): string {
  if (!row) return 'The checker cannot place this number; it does not guess.';
  if (row.otherStudy) return `This is a figure of ${row.otherStudy}.`;
  return 'The report does not give this figure; the pages that do are named below.';
}

/** What the matched row is called on a card: the report's figure only when the row cites the report. */
function figureLabel(kind: VerdictKind, row: CheckFigure): string {
  return kind !== 'not-in-report' && row.inReport ? 'The report’s figure' : 'The figure it matches';
}

/** The sentence around a claim, split at the number: [before, number, after], or null when it is not in it. */
function around(claim: Claim, sentence: SentenceContext | undefined): [string, string, string] | null {
  if (!sentence) return null;
  const from = claim.start - sentence.start;
  const to = claim.end - sentence.start;
  if (from < 0 || to > sentence.text.length || from > to) return null;
  const lead = sentence.text.length - sentence.text.trimStart().length;
  const tail = sentence.text.trimEnd().length;
  return [sentence.text.slice(Math.min(lead, from), from), sentence.text.slice(from, to), sentence.text.slice(to, Math.max(tail, to))];
}

/** The words read for one part of the claim, quoted, or "none found". */
function words(value: string | null): string {
  return value === null ? 'none found' : `“${value}”`;
}

/** How the number was read, in a reader's words. */
const UNIT_READ: Record<NonNullable<ClaimReading['unit']>, string> = {
  percent: 'a share of people',
  percent_more_likely: 'how much more likely',
  times_as_likely: 'how many times as likely',
  percent_increase: 'an increase',
  one_in: 'a share of people',
  people: 'a count of people',
};

/** The reading's words and what they were read as: "“more likely”, read as how much more likely". */
function readingText(read: ClaimReading): string {
  if (read.unit === null) return words(read.reading);
  return `${read.reading === null ? '' : `${words(read.reading)}, `}read as ${UNIT_READ[read.unit]}`;
}

/** The four things the checker read around the number, as [label, what it read]. */
export function readingRows(read: ClaimReading): [string, string][] {
  return [
    ['Group', read.group === null ? 'none found' : `${words(read.group)}${read.cohort ? `, read as ${cohortLabel(read.cohort)}` : ''}`],
    ['Question', words(read.question)],
    ['Reading', readingText(read)],
    ['Cause', words(read.cause)],
  ];
}

/** The id of a card's heading and of its suggestion box: by where the claim starts, unique in one text. */
const cardId = (claim: Claim) => `check-claim-${claim.start}`;

/**
 * One claim's card, as HTML. `base` is the site's base path ("/", "/sub/"), for the link to the
 * figure on /data/; `sentence` (optional) is the sentence the claim is in, shown with the number
 * marked. The <article> carries what the checker said as data-figure, data-figure-id and
 * data-departures (space-separated), for tests and scripts.
 */
export function cardHtml(claim: Claim, data: CheckData, base: string, sentence?: SentenceContext): string {
  const e = escapeHtml;
  const row = matchedFigure(claim, data);
  const { kind, label } = verdict(claim, data);
  const id = cardId(claim);
  const parts: string[] = [];

  parts.push(`<h3 id="${id}"><span class="check-number">“${e(claim.text)}”</span>: <span class="check-verdict">${e(label)}</span></h3>`);
  const context = around(claim, sentence);
  if (context) {
    parts.push(`<p class="check-context">In: “${e(context[0])}<mark>${e(context[1])}</mark>${e(context[2])}”</p>`);
  }
  if (kind === 'not-in-report' || kind === 'unplaced') parts.push(`<p class="check-why-not">${e(notInReportText(row))}</p>`);

  const facts: string[] = [];
  if (row) {
    const link = `${base}data/#${encodeURIComponent(row.id)}`;
    facts.push(
      `<div><dt>${figureLabel(kind, row)}</dt><dd>` +
        `<blockquote class="check-quote"><p>“${e(row.quote)}”</p></blockquote>` +
        `<p class="check-source">${e(sourcesLine(row.sources))} ` +
        `Group: ${e(cohortLabel(row.cohort))}. <a href="${e(link)}">This figure on the data page<span class="visually-hidden">: ${e(row.id)}</span></a></p>` +
        `</dd></div>`,
    );
  }
  if (row || claim.departures.length) {
    const departures = claim.departures.length
      ? `<ul class="check-departures">${claim.departures
          .map((d) => `<li><strong class="check-tag">${e(DRIFT_LABELS[d].tag)}</strong>: ${e(DRIFT_LABELS[d].means)}</li>`)
          .join('')}</ul>`
      : 'Reads as the report does';
    facts.push(`<div><dt>How it departs from the report</dt><dd>${departures}</dd></div>`);
  }
  const why = readingRows(claim.read)
    .map(([name, value]) => `<div><dt>${e(name)}</dt><dd>${e(value)}</dd></div>`)
    .join('');
  const hedge = claim.hedge === null ? '' : `<div><dt>Hedge</dt><dd>${e(words(claim.hedge))}</dd></div>`;
  facts.push(`<div><dt>${row ? 'Why it matched' : 'What it read'}</dt><dd><p class="check-why-note">The words read as:</p><dl class="check-why">${why}${hedge}</dl></dd></div>`);
  parts.push(`<dl class="check-facts">${facts.join('')}</dl>`);

  if (claim.suggestion !== null) {
    const box = `${id}-suggestion`;
    const name = `suggested wording for “${claim.text}”`;
    const rows = Math.max(2, Math.ceil(claim.suggestion.length / 56));
    parts.push(
      `<div class="check-suggest">` +
        `<label for="${box}">Suggested wording<span class="visually-hidden"> for “${e(claim.text)}”</span></label>` +
        `<textarea id="${box}" readonly rows="${rows}" spellcheck="false" data-suggestion>${e(claim.suggestion)}</textarea>` +
        `<button type="button" class="button" data-copy="${box}" data-copy-label="${e(name)}" hidden>Copy<span class="visually-hidden"> the ${e(name)}</span></button>` +
        `<p class="check-copy-status" role="status" data-copy-status></p>` +
        `</div>`,
    );
  }

  const attrs =
    `class="check-card check-${kind}" aria-labelledby="${id}" data-figure="${e(claim.figure)}" ` +
    `data-figure-id="${e(claim.figureId ?? '')}" data-departures="${e(claim.departures.join(' '))}"`;
  return `<article ${attrs}>${parts.join('')}</article>`;
}

/** A sentence with no claim, as the page and the command line say it. */
export const noClaimText = (sentence: string) => `No number about the study found in: “${sentence.trim()}”`;

/** Every sentence of a checked text, in order: its cards, or a line saying it matches nothing. */
export function resultHtml(result: CheckResult, data: CheckData, base: string): string {
  return result.sentences
    .map((s) =>
      s.claims.length
        ? s.claims.map((c) => cardHtml(c, data, base, s)).join('')
        : `<p class="check-none" data-no-claim>${escapeHtml(noClaimText(s.text))}</p>`,
    )
    .join('');
}

/** How many claims a check found, in one sentence: what the page's live status says. */
export function resultSummary(result: CheckResult): string {
  const n = result.claims.length;
  const empty = result.sentences.filter((s) => s.claims.length === 0).length;
  const found = n === 0 ? 'No number about the study found.' : `${n} ${n === 1 ? 'claim' : 'claims'} found.`;
  if (n === 0 || empty === 0) return found;
  return `${found} ${empty} ${empty === 1 ? 'sentence has' : 'sentences have'} no number about the study.`;
}

/** One claim's card as plain text, for the command line: the same parts as the HTML card, in the same order. */
export function cardText(claim: Claim, data: CheckData, sentence?: SentenceContext): string {
  const row = matchedFigure(claim, data);
  const { kind, label } = verdict(claim, data);
  const lines: string[] = [`“${claim.text}”: ${label}`];
  const context = around(claim, sentence);
  if (context) lines.push(`  In: “${context[0]}[${context[1]}]${context[2]}”`);
  if (kind === 'not-in-report' || kind === 'unplaced') lines.push(`  ${notInReportText(row)}`);
  if (row) {
    lines.push(`  ${figureLabel(kind, row)}: “${row.quote}”`);
    lines.push(`    ${sourcesLine(row.sources)} Group: ${cohortLabel(row.cohort)}. Data page: data/#${row.id}`);
  }
  if (row || claim.departures.length) {
    if (claim.departures.length === 0) lines.push('  How it departs from the report: Reads as the report does');
    else {
      lines.push('  How it departs from the report:');
      for (const d of claim.departures) lines.push(`    - ${DRIFT_LABELS[d].tag}: ${DRIFT_LABELS[d].means}`);
    }
  }
  lines.push(`  ${row ? 'Why it matched' : 'What it read'}, the words read as:`);
  for (const [name, value] of readingRows(claim.read)) lines.push(`    ${name}: ${value}`);
  if (claim.hedge !== null) lines.push(`    Hedge: ${words(claim.hedge)}`);
  if (claim.suggestion !== null) lines.push(`  Suggested wording: ${claim.suggestion}`);
  return lines.join('\n');
}

/** A whole checked text as plain text: each sentence's cards, or the line saying it matches nothing. */
export function resultText(result: CheckResult, data: CheckData): string {
  return result.sentences
    .map((s) => (s.claims.length ? s.claims.map((c) => cardText(c, data, s)).join('\n\n') : noClaimText(s.text)))
    .join('\n\n');
}
