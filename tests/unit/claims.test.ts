/**
 * The claim vocabulary (src/data/claims.ts) against data/figures.csv: every claim key in the file
 * has a label, every label belongs to a claim in the file, and every reading name to a figure in a
 * claim. The fixture tests/fixtures/bad/claim-without-label proves the first check bites (the
 * schema rule that stops the build on it is tested with the other fixtures in dataset.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { CLAIM_LABELS, claimLabel, READING_NAMES } from '../../src/data/claims';
import { loadData } from '../../src/data/load';

const ROOT = resolve(__dirname, '../..');

/** The non-empty `claim` keys of a figures.csv, read straight from the file (no schema). */
function claimKeys(dir: string): string[] {
  const { data } = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'figures.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return [...new Set(data.map((r) => r.claim?.trim()).filter((c): c is string => Boolean(c)))];
}

/** The claim keys of a figures.csv that have no label in claims.ts. */
const unlabelled = (dir: string) => claimKeys(dir).filter((c) => !Object.hasOwn(CLAIM_LABELS, c));

describe('claim labels', () => {
  test('every claim key in data/figures.csv has a label', () => {
    expect(claimKeys(join(ROOT, 'data')).length).toBeGreaterThan(0);
    expect(unlabelled(join(ROOT, 'data'))).toEqual([]);
  });

  test('the check bites: a claim added without a label is found', () => {
    expect(unlabelled(join(ROOT, 'tests/fixtures/bad/claim-without-label'))).toEqual(['career-88']);
  });

  test('every label belongs to a claim in data/figures.csv (no label outlives its claim)', () => {
    expect(Object.keys(CLAIM_LABELS).sort()).toEqual(claimKeys(join(ROOT, 'data')).sort());
  });

  test('claimLabel gives the label, and names claims.ts for a key without one', () => {
    expect(claimLabel('quitting-2')).toBe('Twice as likely to quit, or to consider quitting?');
    expect(() => claimLabel('career-88')).toThrow('claim "career-88" has no label in src/data/claims.ts');
  });
});

describe('reading names', () => {
  test('every named reading is a figure with a claim, named apart from its rivals', () => {
    const { figures } = loadData(join(ROOT, 'data'));
    for (const [id, name] of Object.entries(READING_NAMES)) {
      const f = figures.find((x) => x.id === id);
      expect(f, id).toBeDefined();
      expect(f!.claim, id).not.toBeNull();
      const rivals = figures.filter((x) => x.claim === f!.claim && x.id !== id);
      for (const r of rivals) expect(READING_NAMES[r.id], `${id} vs ${r.id}`).not.toBe(name);
    }
  });
});
