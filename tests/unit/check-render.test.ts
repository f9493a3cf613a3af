/**
 * The sentence checker's cards (src/check/render.ts), as HTML and as text: the reader's text and the
 * data are escaped everywhere (a sentence carrying markup renders as that text, parsed by a real
 * HTML parser); a card placed on a figure shows the report's words, its sources, its group and its
 * link; each departure its tag and meaning, or "Reads as the report does"; a figure of another
 * study names it; an unplaced number says the checker does not guess; a sentence without a number
 * says so.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { checkerData } from '../../src/check/data';
import { checkText } from '../../src/check/check';
import { cardHtml, cardText, cohortLabel, escapeHtml, resultHtml, resultSummary, resultText, sourcesLine } from '../../src/check/render';
import type { CheckData, CheckResult, Claim } from '../../src/check/types';
import { loadData } from '../../src/data/load';
import { DRIFT_LABELS } from '../../src/data/trail';

const DATA = checkerData(loadData());
const REPORT_ROW = DATA.figures.find((f) => f.inReport && f.trail === 'burnout-88') ?? DATA.figures.find((f) => f.inReport)!;
const OTHER_ROW = DATA.figures.find((f) => f.otherStudy !== null)!;

const NO_READING = { group: null, cohort: null, question: null, reading: null, unit: null, cause: null };

/** A claim as the checker would give it, with its text and place in `text`. */
function claim(text: string, number: string, over: Partial<Claim> = {}): Claim {
  const start = text.indexOf(number);
  return {
    figure: 'not-in-report',
    figureId: null,
    value: null,
    text: number,
    start,
    end: start + number.length,
    hedge: null,
    departures: [],
    read: NO_READING,
    suggestion: null,
    ...over,
  };
}

/** A checked text of one sentence holding `claims`. */
const result = (text: string, claims: Claim[]): CheckResult => ({ sentences: [{ text, start: 0, claims }], claims });

/** The HTML as a browser would parse it. */
const parse = (html: string) => JSDOM.fragment(`<div>${html}</div>`).firstElementChild!;

describe('escaping', () => {
  const attack = '<img src=x onerror=alert(1)>';
  const text = `Top performers ${attack} "quote" & 'apostrophe': 88% are burned out ${attack}.`;

  test('escapeHtml escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('a sentence with markup is shown as text in the card, never as an element', () => {
    const c = claim(text, '88%', { suggestion: `Say ${attack} instead`, read: { ...NO_READING, group: attack, question: `</dd>${attack}` } });
    const html = cardHtml(c, DATA, '/', { text, start: 0 });
    expect(html).not.toContain('<img');
    const card = parse(html);
    expect(card.querySelectorAll('img')).toHaveLength(0);
    expect(card.querySelector('.check-context')!.textContent).toBe(`In: “${text}”`);
    expect(card.querySelector('mark')!.textContent).toBe('88%');
    expect(card.querySelector('textarea')!.textContent).toBe(`Say ${attack} instead`);
    expect(card.querySelector('.check-why')!.textContent).toContain(`“${attack}”`);
    expect(card.querySelector('.check-why')!.textContent).toContain(`“</dd>${attack}”`);
  });

  test('a number written with markup is escaped in its heading, its label and the copy button’s attribute', () => {
    const odd = `8"8<b>%`;
    const t = `About ${odd} of them.`;
    const card = parse(cardHtml(claim(t, odd, { suggestion: 'x' }), DATA, '/', { text: t, start: 0 }));
    expect(card.querySelectorAll('b')).toHaveLength(0);
    expect(card.querySelector('h3')!.textContent).toBe(`“${odd}”: Not in the report`);
    expect(card.querySelector('button')!.getAttribute('data-copy-label')).toBe(`suggested wording for “${odd}”`);
  });

  test('a sentence that matches nothing is escaped too', () => {
    const none = `No figures ${attack} here.`;
    const el = parse(resultHtml(result(none, []), DATA, '/'));
    expect(el.querySelectorAll('img')).toHaveLength(0);
    expect(el.textContent).toBe(`No number about the study found in: “${none}”`);
  });

  test('the data is escaped as well as the reader’s text', () => {
    const data: CheckData = { ...DATA, figures: [{ ...REPORT_ROW, id: 'x"><img src=x>', quote: `${attack}`, sources: [attack] }] };
    const t = 'Some 88% of them.';
    const card = parse(cardHtml(claim(t, '88%', { figure: 'burnout-88', figureId: 'x"><img src=x>' }), data, '/', { text: t, start: 0 }));
    expect(card.querySelectorAll('img')).toHaveLength(0);
    expect(card.querySelector('blockquote')!.textContent).toBe(`“${attack}”`);
    expect(card.querySelector('a')!.getAttribute('href')).toBe(`/data/#${encodeURIComponent('x"><img src=x>')}`);
  });
});

describe('a card placed on a figure of the report', () => {
  const text = 'Most AI users, 88% of them, are burned out.';

  test('shows the report’s words, their sources, the group and the link to the figure on /data/', () => {
    const c = claim(text, '88%', { figure: REPORT_ROW.trail ?? REPORT_ROW.id, figureId: REPORT_ROW.id, suggestion: 'A faithful wording.' });
    const card = parse(cardHtml(c, DATA, '/sub/', { text, start: 0 }));
    const article = card.querySelector('article')!;
    expect(article.getAttribute('data-figure')).toBe(c.figure);
    expect(article.getAttribute('data-figure-id')).toBe(REPORT_ROW.id);
    expect(article.getAttribute('data-departures')).toBe('');
    expect(article.getAttribute('aria-labelledby')).toBe(card.querySelector('h3')!.id);
    expect(card.querySelector('h3')!.textContent).toBe('“88%”: Reads as the report does');
    expect(card.querySelector('blockquote')!.textContent).toBe(`“${REPORT_ROW.quote}”`);
    const source = card.querySelector('.check-source')!.textContent!;
    for (const s of REPORT_ROW.sources) expect(source).toContain(s);
    expect(source).toMatch(/^Sources?: /);
    expect(source).toContain('Group: ');
    expect(sourcesLine(['Fortune'])).toBe('Source: Fortune.');
    expect(sourcesLine(['Fortune', 'TweakTown', 'ZDNet'])).toBe('Sources: Fortune, TweakTown and ZDNet.');
    expect(card.querySelector('a')!.getAttribute('href')).toBe(`/sub/data/#${REPORT_ROW.id}`);
    const facts = [...card.querySelectorAll('.check-facts > div > dt')].map((d) => d.textContent);
    expect(facts).toEqual(['The report’s figure', 'How it departs from the report', 'Why it matched']);
    // A row that does not cite the report is not called the report's.
    const press = DATA.figures.find((f) => !f.inReport && f.otherStudy === null)!;
    const other = parse(cardHtml({ ...c, figure: press.id, figureId: press.id }, DATA, '/', { text, start: 0 }));
    expect(other.querySelector('.check-facts dt')!.textContent).toBe('The figure it matches');
    expect(card.querySelector('.check-facts > div:nth-child(2) dd')!.textContent).toBe('Reads as the report does');
    // The suggestion in a labelled box, with its copy button hidden until the page's script shows it.
    const box = card.querySelector('textarea')!;
    expect(box.textContent).toBe('A faithful wording.');
    expect(box.hasAttribute('readonly')).toBe(true);
    expect(card.querySelector(`label[for="${box.id}"]`)!.textContent).toBe('Suggested wording for “88%”');
    const button = card.querySelector('button')!;
    expect(button.getAttribute('data-copy')).toBe(box.id);
    expect(button.hasAttribute('hidden')).toBe(true);
    expect(card.querySelector('[data-copy-status]')).not.toBeNull();
  });

  test('each departure shows the trail’s tag and meaning, in the order given', () => {
    const departures = ['group-widened', 'relative-as-share', 'cause-added'] as const;
    const c = claim(text, '88%', { figure: 'burnout-88', figureId: REPORT_ROW.id, departures: [...departures] });
    const card = parse(cardHtml(c, DATA, '/', { text, start: 0 }));
    expect(card.querySelector('article')!.getAttribute('data-departures')).toBe('group-widened relative-as-share cause-added');
    expect(card.querySelector('h3')!.textContent).toBe('“88%”: Departs from the report in 3 ways');
    const items = [...card.querySelectorAll('.check-departures li')];
    expect(items.map((li) => li.querySelector('.check-tag')!.textContent)).toEqual(departures.map((d) => DRIFT_LABELS[d].tag));
    expect(items.map((li) => li.textContent)).toEqual(departures.map((d) => `${DRIFT_LABELS[d].tag}: ${DRIFT_LABELS[d].means}`));
    expect(card.textContent).not.toContain('Reads as the report does');
  });

  test('why it matched: the words read as group (with its cohort), question, reading and cause, or "none found"', () => {
    const read = { group: 'AI users', cohort: 'top_ai_performers', question: 'burned out', reading: null, unit: 'percent' as const, cause: null };
    const card = parse(cardHtml(claim(text, '88%', { figure: 'burnout-88', figureId: REPORT_ROW.id, read, hedge: 'nearly' }), DATA, '/', { text, start: 0 }));
    const rows = [...card.querySelectorAll('.check-why > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(rows).toEqual([
      ['Group', '“AI users”, read as Top AI performers'],
      ['Question', '“burned out”'],
      ['Reading', 'read as a share of people'],
      ['Cause', 'none found'],
      ['Hedge', '“nearly”'],
    ]);
  });
});

describe('numbers the report does not give', () => {
  const text = 'Nearly half of frequent AI users, 45%, report high burnout.';

  test('a figure of another study: "Not in the report", and the study named', () => {
    const c = claim(text, '45%', { figureId: OTHER_ROW.id, departures: ['other-study'] });
    const card = parse(cardHtml(c, DATA, '/', { text, start: 0 }));
    expect(card.querySelector('h3')!.textContent).toBe('“45%”: Not in the report');
    expect(card.querySelector('.check-why-not')!.textContent).toBe(`This is a figure of ${OTHER_ROW.otherStudy}.`);
    expect(card.querySelector('a')!.getAttribute('href')).toBe(`/data/#${OTHER_ROW.id}`);
    expect(card.querySelector('.check-tag')!.textContent).toBe(DRIFT_LABELS['other-study'].tag);
    expect(card.querySelector('article')!.getAttribute('data-figure')).toBe('not-in-report');
  });

  test('an unplaced number: "Not in the report", the checker does not guess, no figure and no link', () => {
    const card = parse(cardHtml(claim(text, '45%'), DATA, '/', { text, start: 0 }));
    expect(card.querySelector('h3')!.textContent).toBe('“45%”: Not in the report');
    expect(card.querySelector('.check-why-not')!.textContent).toBe('The checker cannot place this number; it does not guess.');
    expect(card.querySelector('a, blockquote, textarea, button')).toBeNull();
    expect(card.textContent).not.toContain('Reads as the report does');
    expect(card.querySelector('article')!.getAttribute('data-figure-id')).toBe('');
    expect([...card.querySelectorAll('.check-why dd')].map((d) => d.textContent)).toEqual(['none found', 'none found', 'none found', 'none found']);
  });
});

describe('a whole text', () => {
  test('every sentence in order: its cards, or the line saying it matches nothing; the live count', () => {
    const text = 'Top AI performers are 88% burned out. The weather was fine. It is twice as likely.';
    const checked = checkText(text, DATA);
    const el = parse(resultHtml(checked, DATA, '/'));
    const kinds = [...el.children].map((c) => (c.tagName === 'ARTICLE' ? `card ${c.querySelector('mark')!.textContent}` : c.textContent));
    expect(kinds).toEqual(['card 88%', 'No number about the study found in: “The weather was fine.”', 'card twice']);
    expect(resultSummary(checked)).toBe('2 claims found. 1 sentence has no number about the study.');
    expect(resultSummary(checkText('Nothing here.', DATA))).toBe('No number about the study found.');
    expect(resultSummary(checkText('Only 88%.', DATA))).toBe('1 claim found.');
    // Card ids are unique in one text.
    const ids = [...el.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the text version says the same things, in the same order', () => {
    const text = 'Most AI users, 88% of them, are burned out.';
    const c = claim(text, '88%', { figure: 'burnout-88', figureId: REPORT_ROW.id, departures: ['group-widened'], suggestion: 'Say it this way.' });
    const out = cardText(c, DATA, { text: `${text} `, start: 0 });
    const sources = REPORT_ROW.sources.length > 1 ? `Sources: ${REPORT_ROW.sources.slice(0, -1).join(', ')} and ${REPORT_ROW.sources.at(-1)}.` : `Source: ${REPORT_ROW.sources[0]}.`;
    expect(out.split('\n')).toEqual([
      '“88%”: Departs from the report in one way',
      '  In: “Most AI users, [88%] of them, are burned out.”',
      `  The report’s figure: “${REPORT_ROW.quote}”`,
      `    ${sources} Group: ${cohortLabel(REPORT_ROW.cohort)}. Data page: data/#${REPORT_ROW.id}`,
      '  How it departs from the report:',
      `    - ${DRIFT_LABELS['group-widened'].tag}: ${DRIFT_LABELS['group-widened'].means}`,
      '  Why it matched, the words read as:',
      '    Group: none found',
      '    Question: none found',
      '    Reading: none found',
      '    Cause: none found',
      '  Suggested wording: Say it this way.',
    ]);
    expect(cardText(claim('Only 88%.', '88%'), DATA)).toContain('The checker cannot place this number; it does not guess.');
    expect(resultText({ sentences: [{ text: ' Fine weather.', start: 44, claims: [] }], claims: [] }, DATA)).toBe('No number about the study found in: “Fine weather.”');
  });
});
