/**
 * The story's sections (src/site/sections.ts) against the built story in dist/index.html: every id
 * in the list is an element id on the page, the list is the story's sections in page order, and
 * the table of contents is the list. Run `npm run build` first when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/registry';
import { SECTIONS } from '../../src/site/sections';

const PAGE = join('dist', 'index.html');
let doc: Document;
beforeAll(() => {
  if (!existsSync(PAGE)) throw new Error('dist/ is missing: run `npm run build` first');
  doc = new JSDOM(readFileSync(PAGE, 'utf8')).window.document;
});

const ids = SECTIONS.map((s) => s.id);

describe('the story sections', () => {
  test('ids and short titles are unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(SECTIONS.map((s) => s.title)).size).toBe(SECTIONS.length);
  });

  test('every section id is an element id in dist/index.html, in the order of the list', () => {
    const elements = ids.map((id) => doc.getElementById(id));
    ids.forEach((id, i) => expect(elements[i], `#${id}`).not.toBeNull());
    for (let i = 1; i < elements.length; i++) {
      const order = elements[i - 1]!.compareDocumentPosition(elements[i]!);
      expect(order & doc.defaultView!.Node.DOCUMENT_POSITION_FOLLOWING, `#${ids[i - 1]} before #${ids[i]}`).toBeTruthy();
    }
  });

  test("the list is the story's sections, all of them, in page order", () => {
    const story = [...doc.querySelectorAll('.story > section[id]')].map((s) => s.id);
    expect(story).toEqual(ids);
  });

  test('the table of contents links to each section by its short title, in order', () => {
    const links = [...doc.querySelectorAll('nav.toc a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]);
    expect(links).toEqual(SECTIONS.map((s) => [`#${s.id}`, s.title]));
  });

  test('every chart belongs to a section in the list', () => {
    for (const c of CHARTS) expect(ids, c.id).toContain(c.section);
  });
});
