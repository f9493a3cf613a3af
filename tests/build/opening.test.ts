/**
 * The story's opening summary as built: every finding links to a section of the story, and none
 * gives away the number a "Guess first" question asks the reader to guess further down. Run
 * `npm run build` first when running alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { GUESS_QUESTIONS } from '../../src/data/guesses';
import { loadData } from '../../src/data/load';
import { figureById } from '../../src/data/select';

const doc = new JSDOM(readFileSync(join(__dirname, '../../dist/index.html'), 'utf8')).window.document;
const { figures } = loadData();

/** The guess-first answers a text gives away: each asked share, written as a number with "%" or "percent". */
export function givenAway(text: string): string[] {
  return Object.keys(GUESS_QUESTIONS).filter((id) => {
    const v = figureById(figures, id).value;
    return new RegExp(`(^|[^\\d.])${v}(\\s*%|\\s*percent|\\s+in\\s+100)`, 'i').test(text);
  });
}

describe('the opening summary', () => {
  const findings = doc.querySelector('[data-findings]');

  test('comes before the first section, with four to six findings, each linking to a section of the story', () => {
    expect(findings).not.toBeNull();
    const first = doc.querySelector('.story section');
    expect(findings!.compareDocumentPosition(first!) & 4, 'the findings precede the first section').toBeTruthy();
    const items = [...findings!.querySelectorAll('li')];
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.length).toBeLessThanOrEqual(6);
    for (const li of items) {
      const target = li.querySelector('a')!.getAttribute('href')!;
      expect(target, li.textContent!).toMatch(/^#/);
      expect(doc.getElementById(target.slice(1)), target).not.toBeNull();
      // Each finding says its caveat.
      expect(li.querySelector('.caveat')?.textContent?.trim().length, li.textContent!).toBeGreaterThan(10);
    }
  });

  test('gives away no number that a guess-first question asks for', () => {
    expect(givenAway(findings!.textContent!)).toEqual([]);
  });

  test('the check bites: a finding with a guessed share in it is caught', () => {
    const burnout = figureById(figures, 'burnout-share').value;
    expect(givenAway(`The heaviest AI users: ${burnout}% report burnout.`)).toContain('burnout-share');
    expect(givenAway(`Most (${figureById(figures, 'trust-top').value} percent) trust AI more.`)).toContain('trust-top');
    expect(givenAway('Full-time employees report a 40% increase.')).toEqual([]);
  });
});
