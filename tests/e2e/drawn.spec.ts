/**
 * The check behind "the toggle changes what every chart draws" (story.spec.ts) can fail: what
 * tests/drawn.ts reads sees each part of a real chart's drawing change with the page's cohort, and
 * a chart that ignores the cohort (a fixture: the same drawing with no mark naming a side, and one
 * description) reads the same in every cohort, so cohortProblems reports it, while the same
 * drawing with its hooks passes.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { drawnState, type DrawnState } from '../drawn';
import type { Cohort } from '../registry';
import { COHORTS, cohortProblems, drawnInEachCohort } from './cohorts';
import { chartInCohort } from './helpers';

/** What a story chart draws in a cohort, the page opened in it by ?cohort= (set before first paint). */
async function drawnIn(page: Page, id: string, cohort: Cohort): Promise<DrawnState> {
  await page.goto(cohort === 'full-time' ? '/' : `/?cohort=${cohort}`);
  await chartInCohort(page, id, cohort);
  return page.locator(`figure[data-chart="${id}"]`).evaluate(drawnState);
}

test('each part of what drawnState reads changes with the cohort', async ({ page }) => {
  const bars = { ft: await drawnIn(page, 'cohort-comparison', 'full-time'), fr: await drawnIn(page, 'cohort-comparison', 'freelancers') };
  for (const part of ['rects', 'labels', 'values', 'description'] as const) {
    expect(bars.ft[part], `cohort-comparison: ${part}`).not.toEqual(bars.fr[part]);
  }
  expect(bars.ft.description).toHaveLength(1);
  // A chosen bar is drawn at its band's height: its rendered height, not its attribute, is read.
  const heights = (s: DrawnState) => s.rects.filter((r) => r.includes('kit-grows')).map((r) => r.replace(/.* h=/, ''));
  expect(new Set(heights(bars.ft)).size).toBeGreaterThan(1);
  const readings = { ft: await drawnIn(page, 'who-said-what', 'full-time'), all: await drawnIn(page, 'who-said-what', 'all') };
  expect(readings.ft.markers.length).toBeGreaterThan(0);
  expect(readings.ft.markers, 'who-said-what: markers').not.toEqual(readings.all.markers);
});

/** The fixture page, on the site's origin, with the built site's stylesheets. */
async function openFixture(page: Page) {
  const story = readFileSync('dist/index.html', 'utf8');
  const sheets = story.match(/<link rel="stylesheet" href="[^"]+">/g) ?? [];
  expect(sheets.length, 'the story links its stylesheets').toBeGreaterThan(0);
  const html = readFileSync(new URL('./fixtures/ignores-cohort.html', import.meta.url), 'utf8').replace('<!-- site stylesheets -->', sheets.join('\n'));
  await page.route('**/__fixtures__/ignores-cohort/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('/__fixtures__/ignores-cohort/');
  await page.evaluate(() => document.fonts.ready);
}

test('a chart that ignores the cohort draws the same in every cohort, and the check reports it', async ({ page }) => {
  await openFixture(page);
  // Chosen as the toggle chooses (lib/cohort.ts writes the one attribute).
  const choose = async (cohort: Cohort) => {
    await page.evaluate((c) => (document.documentElement.dataset.cohort = c), cohort);
  };
  const drawn = await drawnInEachCohort(page, ['follows', 'ignores'], COHORTS, choose);
  const said = {
    'full-time': 'Bars with full-time employees emphasised.',
    freelancers: 'Bars with freelancers emphasised.',
    all: 'Bars with all respondents emphasised.',
  };
  // The drawing with its hooks follows the cohort in every part, so the check is not vacuous here.
  expect(cohortProblems({ follows: drawn.follows! }, { follows: said })).toEqual([]);
  for (const part of ['rects', 'labels', 'values', 'markers', 'description'] as const) {
    expect(drawn.follows!['full-time']![part], `follows: ${part}`).not.toEqual(drawn.follows!.freelancers![part]);
  }
  // The same drawing without them reads the same whatever the cohort: the check fails it.
  for (const c of COHORTS) expect(drawn.ignores![c]).toEqual(drawn.ignores!['full-time']);
  expect(cohortProblems({ ignores: drawn.ignores! }, { ignores: said })).toEqual([
    'ignores: draws the same for full-time and freelancers',
    'ignores: draws the same for full-time and all',
    'ignores: draws the same for freelancers and all',
    `ignores: in freelancers describes ["${said['full-time']}"], not "${said.freelancers}"`,
    `ignores: in all describes ["${said['full-time']}"], not "${said.all}"`,
  ]);
});
