/** The bench's count of a page's inline code (scripts/bench/sizes.mjs): data blocks out, code in. */
import { expect, test } from 'vitest';
import { inlineCode } from '../../scripts/bench/sizes.mjs';

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
