/** Pure selectors and formatters over the real data/ files. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildDataset } from '../../src/data/dataset';
import type { Figure } from '../../src/data/schema';
import {
  byCohort,
  byTopic,
  claimGroups,
  describeValue,
  figureById,
  formatDate,
  formatMargin,
  formatValue,
  marginOfError,
  pick,
  rivals,
  sourcesOf,
  tableBlocks,
} from '../../src/data/select';
import { COHORTS, TOPICS, UNITS, type Unit } from '../../src/data/vocab';

const ROOT = resolve(__dirname, '../..');
const file = (name: string) => ({ file: `data/${name}`, text: readFileSync(join(ROOT, 'data', name), 'utf8') });
const { figures, sources, context } = buildDataset({
  figures: file('figures.csv'),
  sources: file('sources.csv'),
  context: file('context.csv'),
  changes: file('changes.csv'),
  coverage: file('coverage.csv'),
});
const ids = (fs: readonly { id: string }[]) => fs.map((f) => f.id);

describe('byCohort and byTopic', () => {
  test('byCohort keeps exactly the rows of that cohort, in file order', () => {
    const freelancers = byCohort(figures, 'freelancers');
    expect(ids(freelancers)).toEqual(['career-freelancers', 'skills-freelancers', 'specialization-freelancers', 'sample-freelancers']);
    expect(byCohort(context, 'frequent_ai_users').map((f) => f.value)).toEqual([45]);
  });

  test('every figure falls in exactly one cohort and one topic', () => {
    expect(COHORTS.reduce((n, c) => n + byCohort(figures, c).length, 0)).toBe(figures.length);
    expect(TOPICS.reduce((n, t) => n + byTopic(figures, t).length, 0)).toBe(figures.length);
  });

  test('byTopic keeps exactly the rows of that topic', () => {
    expect(ids(byTopic(figures, 'trust'))).toEqual(['trust-all', 'trust-top']);
    expect(ids(byTopic(figures, 'burnout'))).toEqual(['burnout-share', 'burnout-more-likely']);
    expect(ids(byTopic(context, 'burnout'))).toEqual(['qw-burnout-frequent', 'qw-burnout-infrequent', 'qw-burnout-non-users', 'upwork-2024-burnout']);
  });
});

describe('figureById', () => {
  test('returns the figure', () => {
    const f = figureById(figures, 'coworker');
    expect(f.value).toBe(90);
    expect(f.cohort).toBe('all_respondents');
  });

  test('throws on an unknown id, naming it', () => {
    expect(() => figureById(figures, 'coworkers')).toThrow('No figure with id "coworkers"');
  });
});

describe('rival readings', () => {
  const groups = claimGroups(figures);
  const group = (claim: string) => {
    const g = groups.find((x) => x.claim === claim);
    if (!g) throw new Error(`no claim ${claim}`);
    return g.readings;
  };

  test('rivals returns every reading of a claim in file order, and none for no claim', () => {
    expect(ids(rivals(figures, 'burnout-88'))).toEqual(['burnout-share', 'burnout-more-likely']);
    expect(rivals(figures, null)).toEqual([]);
    expect(rivals(figures, 'no-such-claim')).toEqual([]);
  });

  test('the claims, in the order they first appear', () => {
    expect(groups.map((g) => g.claim)).toEqual(['burnout-88', 'quitting-2', 'politeness-85', 'trust-67', 'alignment-62', 'demand-300']);
  });

  test('burnout-88: one share reading and one relative reading of the same 88', () => {
    const r = group('burnout-88');
    expect(r.map((f) => f.unit).sort()).toEqual(['percent', 'percent_more_likely']);
    expect(r.every((f) => f.value === 88 && f.cohort === 'top_ai_performers')).toBe(true);
  });

  test.each([
    ['politeness-85', 85],
    ['trust-67', 67],
    ['alignment-62', 62],
  ])('%s: read as all respondents and as top AI performers', (claim, value) => {
    const r = group(claim);
    expect(r.map((f) => f.cohort).sort()).toEqual(['all_respondents', 'top_ai_performers']);
    expect(r.every((f) => f.value === value && f.unit === 'percent')).toBe(true);
  });

  test('quitting-2: quitting and considering quitting, both twice as likely', () => {
    const r = group('quitting-2');
    expect(ids(r)).toEqual(['quitting-twice', 'quitting-twice-consider']);
    expect(r.every((f) => f.value === 2 && f.unit === 'times_as_likely')).toBe(true);
  });

  test('every claim has two or more readings of one value', () => {
    for (const { claim, readings } of groups) {
      expect(readings.length, claim).toBeGreaterThanOrEqual(2);
      expect(new Set(readings.map((f) => f.value)).size, claim).toBe(1);
    }
  });
});

describe('tableBlocks', () => {
  const blocks = tableBlocks(figures);

  test('every figure appears exactly once', () => {
    const flat = ids(blocks.flat());
    expect(flat).toHaveLength(figures.length);
    expect(new Set(flat)).toEqual(new Set(ids(figures)));
  });

  test('rival readings share one block; figures without a claim stand alone', () => {
    for (const block of blocks) {
      if (block.length > 1) {
        const claim = block[0].claim;
        expect(claim).not.toBeNull();
        expect(ids(block)).toEqual(ids(rivals(figures, claim)));
      } else {
        expect(block[0].claim).toBeNull();
      }
    }
    expect(blocks.filter((b) => b.length > 1)).toHaveLength(claimGroups(figures).length);
  });

  test('blocks keep the order of their first row, even when rivals are not adjacent in the file', () => {
    const f = (id: string, claim: string | null) => ({ ...figureById(figures, 'coworker'), id, claim }) as Figure;
    const shuffled = [f('a', 'x'), f('b', null), f('c', 'x'), f('d', null)];
    expect(tableBlocks(shuffled).map(ids)).toEqual([['a', 'c'], ['b'], ['d']]);
  });
});

describe('pick', () => {
  test('returns the figure for a topic and cohort', () => {
    expect(pick(figures, 'career', 'freelancers')?.id).toBe('career-freelancers');
    expect(pick(figures, 'new_projects', 'full_time')?.id).toBe('new-projects-full-time');
  });

  test('returns null where the study published no figure ("Not reported"), never a zero', () => {
    expect(pick(figures, 'burnout', 'freelancers')).toBeNull();
    expect(pick(figures, 'career', 'full_time')).toBeNull();
    expect(pick(figures, 'trust', 'executives')).toBeNull();
  });
});

describe('sourcesOf', () => {
  test('returns the sources in the order the figure lists them', () => {
    const s = sourcesOf(figureById(figures, 'trust-top'), sources);
    expect(s.map((x) => x.id)).toEqual(['upwork-report', 'fortune-commentary', 'tweaktown']);
    expect(s[0].publisher).toBe('The Upwork Research Institute');
  });

  test('every figure resolves to known sources', () => {
    for (const f of [...figures, ...context]) expect(sourcesOf(f, sources)).toHaveLength(f.source_ids.length);
  });

  test('throws on an unknown source id', () => {
    expect(() => sourcesOf({ source_ids: ['nowhere'] }, sources)).toThrow('Unknown source "nowhere"');
  });
});

describe('formatValue and describeValue', () => {
  test.each<[Unit, number, string, string]>([
    ['percent', 88, '88%', '88% of the group'],
    ['percent_more_likely', 88, '88% more likely', '88% more likely than others'],
    ['times_as_likely', 2, '2×', 'twice as likely as others'],
    ['times_as_likely', 1.5, '1.5×', '1.5 times as likely as others'],
    ['percent_increase', 40, '+40%', 'a 40% increase'],
    ['people', 2500, '2,500', '2,500 people'],
    ['people', 625, '625', '625 people'],
    ['one_in', 3, '1 in 3', '1 in every 3 of the group'],
  ])('%s %s -> "%s" / "%s"', (unit, value, short, words) => {
    expect(formatValue({ unit, value })).toBe(short);
    expect(describeValue({ unit, value })).toBe(words);
  });

  test('every unit in the vocabulary has a format', () => {
    for (const unit of UNITS) {
      expect(formatValue({ unit, value: 3 })).toMatch(/3/);
      expect(describeValue({ unit, value: 3 })).toMatch(/3/);
    }
  });

  test('no published value is rounded when written out', () => {
    for (const f of figures) expect(formatValue(f).replace(/,/g, '')).toContain(String(f.value));
  });
});

describe('formatDate', () => {
  test.each([
    ['2025-07-09', '9 July 2025'],
    ['2025-12-31', '31 December 2025'],
    ['2025-01-01', '1 January 2025'],
    ['2025-07', 'July 2025'],
    ['2025', '2025'],
    [null, 'date not confirmed'],
  ])('%s -> %s', (iso, out) => {
    expect(formatDate(iso)).toBe(out);
  });
});

describe('marginOfError', () => {
  test.each([
    [625, '3.9'],
    [1250, '2.8'],
    [2500, '2.0'],
  ])('n = %d gives ±%s percentage points (FACTS.md)', (n, points) => {
    expect(marginOfError(n).toFixed(1)).toBe(points);
    expect(formatMargin(n)).toBe(`±${points} points`);
  });

  test('is in percentage points, computed as 1.96 × √(0.25 / n)', () => {
    expect(marginOfError(625)).toBeCloseTo(3.92, 10);
    expect(marginOfError(2500)).toBeCloseTo(1.96, 10);
  });

  test('the sample sizes it is used for are the ones in data/figures.csv', () => {
    expect(figureById(figures, 'sample-all').value).toBe(2500);
    expect(figureById(figures, 'sample-executives').value).toBe(1250);
    expect(figureById(figures, 'sample-full-time').value).toBe(625);
    expect(figureById(figures, 'sample-freelancers').value).toBe(625);
  });
});
