/** The island loader reads an island's props only from the JSON data block just before it. */
import { expect, test } from 'vitest';
import { islandProps } from '../../src/lib/islands';

function island(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-island]')!;
}

test('the props are the JSON object in the data block before the island', () => {
  const el = island('<script type="application/json" data-island-props>{"uid":"g","value":67}</script><div data-island="GuessFirst"></div>');
  expect(islandProps(el)).toEqual({ uid: 'g', value: 67 });
});

test('no block, another element, bad JSON or JSON that is not an object: no props (the server render stays)', () => {
  expect(islandProps(island('<div data-island="GuessFirst"></div>'))).toBeNull();
  expect(islandProps(island('<p>{"uid":"g"}</p><div data-island="GuessFirst"></div>'))).toBeNull();
  expect(islandProps(island('<script type="text/plain" data-island-props>{}</script><div data-island="X"></div>'))).toBeNull();
  expect(islandProps(island('<script type="application/json" data-island-props>{"uid":</script><div data-island="X"></div>'))).toBeNull();
  expect(islandProps(island('<script type="application/json" data-island-props>[1,2]</script><div data-island="X"></div>'))).toBeNull();
  expect(islandProps(island('<script type="application/json" data-island-props>null</script><div data-island="X"></div>'))).toBeNull();
});
