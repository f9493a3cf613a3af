/**
 * Every place the source writes raw HTML: Astro's `set:html`, Svelte's `{@html}`, and the DOM's
 * innerHTML/outerHTML/insertAdjacentHTML/document.write. Each must be fed only constants written
 * in this repository, never data, URL parameters or messages, with one reviewed exception: the
 * sentence checker's cards (/check/), HTML built by src/check/render.ts from the reader's text and
 * the data, every piece of which it escapes (tests/unit/check-render.test.ts proves it with markup
 * in the text and in the data). The list is exact: a new one fails this test until it is reviewed
 * and added here with its reason.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from 'vitest';
import { filesUnder } from '../files';

const ALLOWED: Record<string, string> = {
  'src/components/InlineScript.astro: <script is:inline set:html={code} />':
    'a constant from lib/inline-scripts.ts (typed as such in its Props), hashed into the page CSP by the same component',
  'src/components/Island.astro: <script type="application/json" data-island-props set:html={json} /><div class="island" data-island={name} data-when={when} data-margin={rootMargin}><slot /></div>':
    'a JSON data block (never run: not JavaScript, so outside script-src), JSON.stringify of build-time props with every "<" escaped as \\u003c, so no text in it can close the element or open a comment',
  'src/charts/kit/ChartIsland.svelte: {@html block}<div class="island" data-island={name} data-when="inview">{@render children()}</div>':
    'a JSON data block (never run, so outside script-src), as Island.astro prints it: JSON.stringify of build-time props with every "<" escaped as \\u003c',
  'src/pages/check/index.astro: <div class="check-list" data-check-list set:html={example} />':
    'the cards of the build-time example: render.ts resultHtml, which escapes every piece of text (the example sentence and the data) it puts in',
  'src/pages/check/index.astro: <script type="application/json" id="check-data" set:html={json} />':
    'a JSON data block (never run, so outside script-src): JSON.stringify of the checker\'s build-time data (check/data.ts) with every "<" escaped as \\u003c',
  'src/check/client.ts: list.innerHTML = resultHtml(result, data, base);':
    "the reader's own text checked in the browser: render.ts resultHtml, the same function as the build-time example, escapes every piece of the text and the data",
  'src/check/client.ts: list.innerHTML = example;':
    "the build-time example's cards put back, as read from this same element when the page started (the page's own HTML)",
  'src/components/JsonLd.astro: <script type="application/ld+json" set:html={json} />':
    'a schema.org JSON-LD data block (never run, so outside script-src): site/dataset-jsonld.ts jsonLdText, JSON.stringify of build-time objects with every "<" escaped as \\u003c',
};

const RAW = /set:html|\{@html|\.innerHTML\s*[+]?=|\.outerHTML\s*[+]?=|insertAdjacentHTML|document\.write/;


function rawHtmlSites(): string[] {
  return filesUnder('src')
    .filter((f) => /\.(astro|svelte|ts|js|mjs)$/.test(f))
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => RAW.test(line) && !/^\s*(\*|\/\/)/.test(line))
        .map((line) => `${relative('.', f)}: ${line.trim()}`),
    );
}

test('raw HTML is written only where reviewed, from constants', () => {
  expect(rawHtmlSites().sort()).toEqual(Object.keys(ALLOWED).sort());
});

test('the scan finds each form of raw HTML (it would catch a new one)', () => {
  for (const line of ['<div set:html={x} />', '{@html x}', 'el.innerHTML = x', 'el.insertAdjacentHTML("beforeend", x)', 'document.write(x)']) {
    expect(RAW.test(line), line).toBe(true);
  }
  expect(RAW.test('el.textContent = x')).toBe(false);
});
