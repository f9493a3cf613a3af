/**
 * "Who said what": each number the sources read in more than one way, its readings and which
 * sources gave each, built from figures.csv and sources.csv.
 */
import { figureIdsOf, numbersOf } from '../../src/charts/kit/points';
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/data/dataset';
import { loadData } from '../../src/data/load';
import { nameSources, selectReporting, sourcesForReading } from '../../src/charts/who-said-what/data';
import { whoText } from '../../src/charts/who-said-what/text';
import { sideOfCohort as sideOf } from '../../src/lib/cohort-url';
import { reporting } from '../../src/charts/who-said-what/entry';

const dataset = loadData();
const data = selectReporting(dataset);
const claim = (id: string) => data.claims.find((c) => c.claim === id)!;
const sorted = (a: string[]) => [...a].sort();

describe('claims and readings', () => {
  test('the six disputed numbers, in file order, two readings each', () => {
    expect(data.claims.map((c) => c.claim)).toEqual(['burnout-88', 'quitting-2', 'politeness-85', 'trust-67', 'alignment-62', 'demand-300']);
    for (const c of data.claims) expect(c.readings).toHaveLength(2);
    expect(data.claims.map((c) => c.number)).toEqual(['88%', '2×', '85%', '67%', '62%', '300%']);
  });

  test('burnout-88: the share reading comes exactly from the two Fortune pieces', () => {
    expect(sorted(sourcesForReading(data, 'burnout-88', 'burnout-share'))).toEqual(['fortune-chro', 'fortune-commentary']);
    expect(sorted(sourcesForReading(data, 'burnout-88', 'burnout-more-likely'))).toEqual(
      sorted(['upwork-report', 'tweaktown', 'zdnet-burnout', 'zdnet-quit']),
    );
  });

  test('burnout-88 readings are named by unit: a share vs more likely, the report’s own first', () => {
    const b = claim('burnout-88');
    expect(b.readings.map((r) => [r.figureId, r.label, r.value])).toEqual([
      ['burnout-more-likely', 'More likely than others', '88% more likely'],
      ['burnout-share', 'A share of the group', '88%'],
    ]);
    expect(b.readings.map((r) => r.marker)).toEqual(['circle', 'diamond']);
  });

  test('readings that differ by group are named by the group', () => {
    expect(claim('trust-67').readings.map((r) => [r.figureId, r.label, r.labelIsGroup])).toEqual([
      ['trust-top', 'Top AI performers', true],
      ['trust-all', 'All respondents', true],
    ]);
    expect(claim('politeness-85').readings.map((r) => r.label)).toEqual(['All respondents', 'Top AI performers']);
    expect(sourcesForReading(data, 'politeness-85', 'politeness-top')).toEqual(['fortune-commentary']);
  });

  test('readings that differ only in wording get their short names', () => {
    expect(claim('quitting-2').readings.map((r) => r.label)).toEqual(['Twice as likely to quit', 'Twice as likely to consider quitting']);
    expect(claim('demand-300').readings.map((r) => r.label)).toEqual(['Searches for AI-agent skills', 'Searches for AI skills in general']);
  });

  test('each reading keeps the source’s quote and the figure’s note', () => {
    const share = claim('burnout-88').readings.find((r) => r.figureId === 'burnout-share')!;
    expect(share.quote).toBe('Among top AI performers, 88% report feeling burned out');
    expect(share.note).toContain('differs from the report');
  });
});

describe('matrix', () => {
  test('columns: every source that gave a reading, report first, news, then Fortune, then the press release', () => {
    expect(data.sources.map((s) => s.id)).toEqual([
      'upwork-report',
      'zdnet-burnout',
      'zdnet-quit',
      'tweaktown',
      'fortune-chro',
      'fortune-commentary',
      'upwork-press-release',
    ]);
    expect(data.sources.map((s) => s.short)).toEqual([
      'Report summary',
      'ZDNet 1',
      'ZDNet 2',
      'TweakTown',
      'Fortune newsletter',
      'Fortune (authors)',
      'Upwork press release',
    ]);
  });

  test('cells point at the reading each source gave, or none', () => {
    const b = claim('burnout-88');
    const col = (id: string) => b.cells[data.sources.findIndex((s) => s.id === id)];
    expect(col('upwork-report')).toEqual([0]);
    expect(col('fortune-commentary')).toEqual([1]);
    expect(col('fortune-chro')).toEqual([1]);
    expect(col('upwork-press-release')).toEqual([]);
    // Every reading's sources are exactly the columns that point at it.
    for (const c of data.claims) {
      c.readings.forEach((r, i) => {
        const cols = data.sources.filter((_, j) => c.cells[j].includes(i)).map((s) => s.id);
        expect(sorted(cols)).toEqual(sorted(r.sourceIds));
      });
    }
  });

  test('the report’s own authors are recognised from sources.csv, not by name', () => {
    const named = nameSources(dataset.sources);
    expect(named.find((s) => s.id === 'fortune-commentary')!.name).toBe('a Fortune commentary by the report’s authors');
    expect(named.find((s) => s.id === 'fortune-chro')!.name).toBe('Fortune’s newsletter');
    const noAuthors: Dataset['sources'] = dataset.sources.map((s) => (s.id === 'fortune-commentary' ? { ...s, authors: ['Someone Else'] } : s));
    expect(nameSources(noAuthors).find((s) => s.id === 'fortune-commentary')!.short).toBe('Fortune');
  });

  test('ZDNet’s two headlines are grouped in running text', () => {
    const r = claim('burnout-88').readings[0];
    expect(whoText(r)).toBe('the report’s summary, ZDNet (2 headlines) and TweakTown');
  });
});

describe('cohort emphasis', () => {
  test('full-time covers top AI performers; all covers all respondents; platform data none', () => {
    expect(sideOf('top_ai_performers')).toBe('full-time');
    expect(sideOf('all_respondents')).toBe('all');
    expect(sideOf('upwork_platform')).toBeNull();
    const all = data.claims.flatMap((c) => c.readings.filter((r) => r.side === 'all').map((r) => r.figureId));
    expect(sorted(all)).toEqual(['alignment-all', 'politeness-all', 'trust-all']);
    const freelancers = data.claims.flatMap((c) => c.readings.filter((r) => r.side === 'freelancers'));
    expect(freelancers).toEqual([]);
  });

  test('the description flags readings about the chosen group', () => {
    expect(reporting.describe(data, 'all')).toContain('“All respondents” (about the group you chose), from ZDNet (2 headlines)');
    expect(reporting.describe(data, 'freelancers')).not.toContain('(about the group you chose)');
  });
});

test('numbers table: one row per reading, values as published', () => {
  const rows = numbersOf(reporting.points(data));
  expect(rows).toHaveLength(12);
  expect(rows.find((r) => r.figureId === 'burnout-more-likely')!.value).toBe('88% more likely');
  expect(rows.find((r) => r.figureId === 'quitting-twice')!.value).toBe('2×');
  expect(figureIdsOf(reporting.points(data))).toHaveLength(12);
});
