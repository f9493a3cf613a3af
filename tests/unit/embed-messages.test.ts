import { describe, expect, test } from 'vitest';
import { childIdFrom, heightMessages, saneHeight, wpSecretFrom } from '../../src/lib/embed-messages';

describe('embed height messages', () => {
  test('sends the Datawrapper and AMP formats always', () => {
    expect(heightMessages('trust', 512.2, { search: '', hash: '' })).toEqual([
      { 'datawrapper-height': { trust: 513 } },
      { sentinel: 'amp', type: 'embed-size', height: 513 },
    ]);
  });
  test('adds pym.js when loaded with a childId, and WordPress when given a secret', () => {
    const m = heightMessages('trust', 400, { search: '?initialWidth=600&childId=c-1', hash: '#?secret=Ab12Cd34Ef' });
    expect(m).toContain('pymxPYMxc-1xPYMxheightxPYMx400');
    expect(m).toContainEqual({ secret: 'Ab12Cd34Ef', message: 'height', value: 400 });
  });
  test.each(['"><script>', 'a b', 'x'.repeat(65), '', 'c%20d'])('ignores the childId %j', (id) => {
    expect(childIdFrom(`?childId=${encodeURIComponent(id)}`)).toBeNull();
  });
  test.each(['#?secret=<img>', '#?secret=', '#secret=abc', '#?secret=abc&x=1', '#?secret=' + 'a'.repeat(33)])(
    'ignores the WordPress hash %j',
    (hash) => expect(wpSecretFrom(hash)).toBeNull(),
  );
  test.each([Number.NaN, Infinity, -5, 0, 20_001])('sends nothing for the height %d', (h) => {
    expect(saneHeight(h)).toBeNull();
    expect(heightMessages('x', h, { search: '?childId=c', hash: '' })).toEqual([]);
  });
});
