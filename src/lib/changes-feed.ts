/**
 * The Atom feed of the record of changes (RFC 4287), built from the validated entries: newest first,
 * each entry's id the address of its anchor on /changes/, every text XML-escaped. Pure: the caller
 * passes the site's absolute addresses.
 */
import type { Change } from '../data/changes';
import type { Figure, ContextFigure, Source } from '../data/schema';
import { formatDate } from '../data/select';
import { escapeMarkup } from './escape';


/** A YYYY-MM-DD entry date as an RFC 3339 date-time (the start of that day, UTC). */
export const rfc3339 = (date: string) => `${date}T00:00:00Z`;

export interface FeedInput {
  changes: readonly Change[];
  figures: readonly (Figure | ContextFigure)[];
  sources: readonly Source[];
  /** Absolute address of /changes/ (the entries' ids and links are this plus #anchor). */
  page: string;
  /** Absolute address of the feed itself. */
  self: string;
  /** Absolute address of /data/ (figures and sources are linked at their anchors there). */
  data: string;
}

export const FEED_TITLE = 'Tools to Teammates, explored: record of changes';

/** The entry's title: "26 November 2026: First publication" style, from the first sentence of `what`. */
export function entryTitle(change: Change, first: boolean): string {
  const lead = first ? 'First publication' : change.what.replace(/^(.*?[.:;])\s.*$/s, '$1').replace(/[.:;]$/, '');
  return `${formatDate(change.date)}: ${lead}`;
}

export function changesFeed({ changes, figures, sources, page, self, data }: FeedInput): string {
  const newest = [...changes].reverse();
  const e = escapeMarkup;
  const entries = newest.map((c) => {
    const first = c === changes[0];
    const url = `${page}#${c.anchor}`;
    const touched = c.figure_ids.map((id) => {
      const f = figures.find((x) => x.id === id);
      return `<li><a href="${e(`${data}#${id}`)}">${e(f?.statement ?? id)}</a></li>`;
    });
    const source = c.source_id ? sources.find((s) => s.id === c.source_id) : undefined;
    const html = [
      `<p>${e(c.what)}</p>`,
      `<p>Why: ${e(c.why)}</p>`,
      touched.length ? `<p>Figures:</p><ul>${touched.join('')}</ul>` : '',
      source ? `<p>Source: <a href="${e(`${data}#source-${source.id}`)}">${e(`${source.publisher}, ${source.title}`)}</a></p>` : '',
    ].join('');
    return [
      '  <entry>',
      `    <id>${e(url)}</id>`,
      `    <title type="text">${e(entryTitle(c, first))}</title>`,
      `    <updated>${rfc3339(c.date)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${e(url)}"/>`,
      `    <summary type="text">${e(c.what)}</summary>`,
      // type="html": the markup is escaped once more, as RFC 4287 §3.1.1.2 asks.
      `    <content type="html">${e(html)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>${e(page)}</id>`,
    `  <title type="text">${e(FEED_TITLE)}</title>`,
    `  <subtitle type="text">Every change to the published figures, newest first, from the first publication on.</subtitle>`,
    `  <updated>${rfc3339(changes[changes.length - 1].date)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${e(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(page)}"/>`,
    `  <author><name>${e('Tools to Teammates, explored')}</name><uri>${e(page.replace(/changes\/$/, ''))}</uri></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
