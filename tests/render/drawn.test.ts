/**
 * The drawn-state check (tests/drawn.ts) over the committed render snapshots: every chart whose
 * emphasis follows the cohort draws something different in each cohort, and a chart that ignores
 * the cohort — the same drawing with only its `data-cohort` attributes changed — is caught.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { drawnDiffers, drawnState } from '../drawn';

const DIR = fileURLToPath(new URL('./__snapshots__/', import.meta.url));
const COHORTS = ['full-time', 'freelancers', 'all'] as const;
const CHARTS = ['cohort-comparison', 'freelancer-gains', 'productivity', 'quit-twice', 'relative-vs-absolute', 'who-said-what', 'who-was-asked'];
/** Drawn once for every cohort by design: its snapshots differ only in `data-cohort`. */
const SAME_IN_EVERY_COHORT = 'press-trail';

const snapshot = (id: string, cohort: string) => readFileSync(`${DIR}${id}.${cohort}.html`, 'utf8');
const drawn = (html: string) => drawnState(new JSDOM(html).window.document);
const PAIRS = [
  ['full-time', 'freelancers'],
  ['full-time', 'all'],
  ['freelancers', 'all'],
] as const;

describe('what a chart draws follows the cohort', () => {
  for (const id of CHARTS) {
    it(`${id}: each cohort draws differently`, () => {
      const states = Object.fromEntries(COHORTS.map((c) => [c, drawn(snapshot(id, c))]));
      for (const [a, b] of PAIRS) expect(drawnDiffers(states[a], states[b]), `${id}: ${a} vs ${b}`).toBe(true);
    });
  }

  it('the press trail draws the same in every cohort, as designed', () => {
    const [a, b, c] = COHORTS.map((cohort) => drawn(snapshot(SAME_IN_EVERY_COHORT, cohort)));
    expect(drawnDiffers(a, b)).toBe(false);
    expect(drawnDiffers(a, c)).toBe(false);
  });

  it('a chart that ignores the cohort does not pass: changing only data-cohort is not a drawn change', () => {
    // The fixture: productivity's full-time drawing, marked as freelancers and all but drawn as before.
    const fullTime = snapshot('productivity', 'full-time');
    const relabelled = (cohort: string) => fullTime.replaceAll('data-cohort="full-time"', `data-cohort="${cohort}"`);
    expect(relabelled('freelancers')).not.toBe(fullTime);
    const states = Object.fromEntries(COHORTS.map((c) => [c, drawn(relabelled(c))]));
    for (const [a, b] of PAIRS) expect(drawnDiffers(states[a], states[b]), `fixture: ${a} vs ${b}`).toBe(false);
  });

  it('each part of the state sees its own change', () => {
    const a = drawn(snapshot('productivity', 'full-time'));
    const b = drawn(snapshot('productivity', 'freelancers'));
    expect(a.emphasis).not.toEqual(b.emphasis);
    expect(a.rects).not.toEqual(b.rects);
    expect(a.markers).not.toEqual(b.markers);
    expect(a.description).not.toEqual(b.description);
    expect(a.description).toHaveLength(1);
  });
});
