/**
 * The accessibility statement is linked from every page: the footer of every page in the site's
 * layout and the credit line of every embed. Run `npm run build` first when running alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { filesUnder } from '../files';

test('every page in dist/ links to /accessibility/, and the statement is a page', () => {
  if (!existsSync('dist/accessibility/index.html')) throw new Error('dist/accessibility/ is missing: run `npm run build` first');
  const pages = filesUnder('dist').filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(10);
  const without = pages.filter((page) => {
    const doc = new JSDOM(readFileSync(page, 'utf8')).window.document;
    return ![...doc.querySelectorAll('a[href]')].some((a) => /\/accessibility\/$/.test(a.getAttribute('href')!));
  });
  expect(without).toEqual([]);
  const statement = new JSDOM(readFileSync('dist/accessibility/index.html', 'utf8')).window.document;
  expect(statement.querySelector('h1')?.textContent).toBe('Accessibility');
  expect(statement.querySelectorAll('table tbody tr').length).toBeGreaterThanOrEqual(14);
});
