/**
 * The bench's count of a page's inline code (scripts/bench/sizes.mjs): data blocks out, code in; and
 * each page's JavaScript budget (SIZE_BUDGET.js in scripts/bench/budgets.mjs), which for an embed
 * depends on whether its HTML has an island (hasIsland).
 */
import { expect, test } from 'vitest';
import { SIZE_BUDGET } from '../../scripts/bench/budgets.mjs';
import { hasIsland, inlineCode } from '../../scripts/bench/sizes.mjs';

test('a data block is told by its own tag; code that names a data block is still code', () => {
  const html = [
    '<script type="application/json" id="check-data">{"a":1}</script>',
    '<script type="application/ld+json">{"@type":"Dataset"}</script>',
    '<script>for (const s of document.querySelectorAll(\'script[type="application/json"]\')) load(s);</script>',
    '<script type="module">start()</script>',
    '<script type="module" src="/_astro/page.js"></script>',
  ].join('\n');
  expect(inlineCode(html)).toEqual(['for (const s of document.querySelectorAll(\'script[type="application/json"]\')) load(s);', 'start()']);
});

/** An embed page as the build writes it, around `body`: the island loader's inline code names `[data-island]`. */
const embedPage = (body: string) =>
  '<!doctype html><html><head><script type="module">for (const el of document.querySelectorAll("[data-island]")) hydrate(el);</script></head>' +
  `<body><main>${body}</main></body></html>`;
const STATIC_EMBED = embedPage('<figure data-chart="quit-twice"><svg role="img"><rect width="10" height="4"></rect></svg></figure>');
const ISLAND_EMBED = embedPage(
  '<script type="application/json" data-island-props>{"id":"relative-vs-absolute"}</script>' +
    '<div class="island" data-island="relative-vs-absolute"><figure data-chart="relative-vs-absolute"><input type="range"></figure></div>',
);
const jsBudget = (page: string, html: string) => SIZE_BUDGET.js(page, { island: hasIsland(html) });

test('an embed without an island may load 2 KB of JavaScript (gzip), one with an island 12 KB', () => {
  expect(hasIsland(STATIC_EMBED)).toBe(false);
  expect(hasIsland(ISLAND_EMBED)).toBe(true);
  expect(jsBudget('embed/quit-twice/', STATIC_EMBED)).toBe(2 * 1024);
  expect(jsBudget('embed/relative-vs-absolute/', ISLAND_EMBED)).toBe(12 * 1024);
});

test('data-island= in a script, a comment or another attribute is not an island', () => {
  const inScript = embedPage(
    '<figure data-chart="quit-twice"></figure>' +
      '<script>document.body.insertAdjacentHTML("beforeend", \'<div class="island" data-island="QuitVisual"></div>\'); const a = "data-island=";</script>',
  );
  expect(hasIsland(inScript)).toBe(false);
  expect(jsBudget('embed/quit-twice/', inScript)).toBe(2 * 1024);
  expect(hasIsland(embedPage('<!-- <div data-island="QuitVisual"></div> --><p>data-island="QuitVisual"</p>'))).toBe(false);
  expect(hasIsland(embedPage('<script type="application/json" data-island-props>{}</script>'))).toBe(false);
  // The attribute counts on any element, wherever it sits in the tag.
  expect(hasIsland('<section\n  id="s" data-island=Sample>')).toBe(true);
});

test('an embed budget cannot be read without knowing whether the page has an island', () => {
  expect(() => SIZE_BUDGET.js('embed/quit-twice/')).toThrow(/island/);
});

test('the story and present/ may load 20 KB, /check/ 25 KB, any other page 42 KB', () => {
  const story = '<main><div class="island" data-island="CohortToggle"></div></main>';
  for (const island of [false, true]) {
    expect(SIZE_BUDGET.js('/', { island })).toBe(20 * 1024);
    expect(SIZE_BUDGET.js('present/', { island })).toBe(20 * 1024);
  }
  expect(jsBudget('/', story)).toBe(20 * 1024);
  expect(SIZE_BUDGET.js('check/')).toBe(25 * 1024);
  expect(SIZE_BUDGET.js('data/', { island: true })).toBe(42 * 1024);
  expect(SIZE_BUDGET.js('charts/quit-twice/', { island: true })).toBe(42 * 1024);
});
