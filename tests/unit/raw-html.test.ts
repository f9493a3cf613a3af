/**
 * Every place the source writes raw HTML: Astro's `set:html`, Svelte's `{@html}`, and the DOM's
 * innerHTML/outerHTML/insertAdjacentHTML/document.write. Each must be fed only constants written
 * in this repository, never data, URL parameters or messages. The list is exact: a new one fails
 * this test until it is reviewed and added here with its reason.
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
