/**
 * The press trail's pure parts: time order for dates of different precision, the number as a page
 * gives it, departures in words, and the vocabulary's size, which
 * the picker's CSS (one rule per place, TrailDetail.svelte) depends on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { byDate, selectTrail, versionValue } from '../../src/charts/press-trail/data';
import { departure } from '../../src/charts/press-trail/text';
import { loadData } from '../../src/data/load';
import { TRAIL_FIGURES } from '../../src/data/trail';

describe('the trail', () => {
  test('time order: by the date as far as known, a month after its exact days, no date last', () => {
    const dates = ['2025-07', null, '2025-08-23', '2025-07-24', '2025-07-09', '2025'];
    expect([...dates].sort(byDate)).toEqual(['2025-07-09', '2025-07-24', '2025-07', '2025-08-23', '2025', null]);
  });

  test('the number as the page gives it, in the site’s notation; none where it is in words', () => {
    expect(versionValue(88, 'percent')).toBe('88%');
    expect(versionValue(88, 'percent_more_likely')).toBe('88% more likely');
    expect(versionValue(2, 'times_as_likely')).toBe('2× (twice as likely)');
    expect(versionValue(40, 'percent_increase')).toBe('+40%');
    expect(versionValue(null, 'percent')).toBeNull();
  });

  test('a departure in words; with no root there is nothing to keep', () => {
    expect(departure({ drifts: [] }, true)).toBe('keeps the report’s reading');
    expect(departure({ drifts: [] }, false)).toBe('nothing of the report’s to compare with');
    expect(departure({ drifts: [{ term: 'cause-added', tag: 'cause added' }] }, true)).toBe('cause added');
  });

  test('the report’s root comes first in each row’s data, then every page in time order', () => {
    const data = selectTrail(loadData());
    for (const r of data.rows) {
      const dates = r.versions.map((v) => v.date);
      expect([...dates].sort(byDate)).toEqual(dates);
      if (r.root) expect(r.root.kind).toBe('report');
    }
  });

  test('at most ten trail figures: the picker has one CSS rule per place, for ten places', () => {
    expect(TRAIL_FIGURES.length).toBeLessThanOrEqual(10);
    const css = readFileSync(join(__dirname, '../../src/charts/press-trail/TrailDetail.svelte'), 'utf8');
    for (let k = 1; k <= TRAIL_FIGURES.length; k++) expect(css).toContain(`.tr-one:nth-of-type(${k})`);
  });
});
