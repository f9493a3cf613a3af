/**
 * One way from the registry to a page: each chart's folder is named by its id, a chart has an
 * island module (src/charts/<id>/island.ts, the loader's table by import.meta.glob) exactly when its
 * entry says `island`, and the two places that name the cohorts in CSS and in the inline script
 * name exactly the story's.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHARTS } from '../../src/charts/registry';
import { DEFAULT_COHORT, STORY_COHORTS } from '../../src/lib/cohort-url';
import { COHORT_SCRIPT } from '../../src/lib/inline-scripts';

const DIR = 'src/charts';
/** Folders holding a chart: those with an entry.ts. */
export function chartFolders(dir = DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'entry.ts')))
    .map((d) => d.name)
    .sort();
}

describe('chart folders', () => {
  test('each is named by the id of the chart its entry defines, and every chart has one', () => {
    expect(chartFolders()).toEqual(CHARTS.map((c) => c.id).sort());
    for (const folder of chartFolders()) {
      expect(readFileSync(join(DIR, folder, 'entry.ts'), 'utf8'), folder).toMatch(new RegExp(`\\bid: '${folder}'|id: o\\.id`));
    }
  });

  test('a chart has an island module exactly when its entry has a control (island: true)', () => {
    for (const c of CHARTS) expect(existsSync(join(DIR, c.id, 'island.ts')), c.id).toBe(c.island === true);
    expect(CHARTS.filter((c) => c.island).map((c) => c.id)).toEqual(['relative-vs-absolute']);
  });

  test('the check sees a folder that breaks the rule', () => {
    const fixture = 'tests/fixtures/chart-folders';
    expect(chartFolders(fixture)).toEqual(['NotAnId']);
    expect(CHARTS.map((c) => c.id)).not.toContain('NotAnId');
  });
});

describe('the cohorts named outside TypeScript', () => {
  const css = readFileSync(join(DIR, 'kit/emphasis.css'), 'utf8');
  const named = (re: RegExp, text: string) => [...new Set([...text.matchAll(re)].map((m) => m[1]))].sort();

  test("emphasis.css picks exactly the story's cohorts, each by the page's attribute and the mark's", () => {
    expect(named(/data-cohort='([^']+)'/g, css)).toEqual([...STORY_COHORTS].sort());
    expect(named(/data-for~='([^']+)'/g, css)).toEqual([...STORY_COHORTS].sort());
    expect(named(/data-only~='([^']+)'/g, css)).toEqual([...STORY_COHORTS].sort());
    // Every rule that reads the page's cohort pairs it with the same cohort on the mark.
    for (const m of css.matchAll(/:root\[data-cohort='([^']+)'\] \[data-(?:for|only)[^\]]*'([^']+)'\]/g)) expect(m[2]).toBe(m[1]);
  });

  test('the inline script sets every cohort but the default, which the server writes', () => {
    expect(named(/c==='([^']+)'/g, COHORT_SCRIPT)).toEqual(STORY_COHORTS.filter((c) => c !== DEFAULT_COHORT).sort());
  });
});
