/** Who published what: the shared attribution helpers every chart uses (src/data/attribution.ts). */
import { expect, test } from 'vitest';
import { isByReportAuthors, outlets, outletsVerb, publishers, reportOf } from '../../src/data/attribution';
import { sideOfCohort } from '../../src/lib/cohort-url';
import { loadData } from '../../src/data/load';

const data = loadData();

test('the report is found once, and a commentary by its own authors is recognised', () => {
  const report = reportOf(data.sources)!;
  expect(report.kind).toBe('report');
  const byAuthors = data.sources.filter((s) => isByReportAuthors(s, report));
  expect(byAuthors.length).toBeGreaterThan(0);
  expect(byAuthors.every((s) => s.kind !== 'report')).toBe(true);
  expect(isByReportAuthors(report, report)).toBe(false);
  expect(isByReportAuthors(byAuthors[0]!, undefined)).toBe(false);
});

test('outlets are listed once each, and the verb agrees with how many there are', () => {
  const f = { source_ids: [...data.sources.slice(0, 2).map((s) => s.id), data.sources[0]!.id] };
  expect(publishers(f, data).length).toBeLessThanOrEqual(2);
  expect(outlets(f, data)).toBe(publishers(f, data).join('; '));
  const one = { source_ids: [data.sources[0]!.id] };
  expect(outletsVerb(one, data, 'gives', 'give')).toBe(`${data.sources[0]!.publisher} gives`);
});

test('top AI performers belong to the full-time side; executives to none', () => {
  expect(sideOfCohort('top_ai_performers')).toBe('full-time');
  expect(sideOfCohort('full_time')).toBe('full-time');
  expect(sideOfCohort('freelancers')).toBe('freelancers');
  expect(sideOfCohort('all_respondents')).toBe('all');
  expect(sideOfCohort('executives')).toBeNull();
});
