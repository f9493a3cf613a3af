/**
 * src/data/studies.ts: which other study a context row belongs to, read from its sources, and the
 * rows grouped by study for the pages that show them.
 */
import { describe, expect, test } from 'vitest';
import { byStudy, CONTEXT_SOURCE_IDS, CONTEXT_STUDIES, studyOf, studyOfSource } from '../../src/data/studies';
import { loadData } from '../../src/data/load';

describe('studies', () => {
  test('a source belongs to at most one study', () => {
    const all = Object.values(CONTEXT_STUDIES).flatMap((s) => [...s.sources]);
    expect(new Set(all).size).toBe(all.length);
    expect(CONTEXT_SOURCE_IDS.size).toBe(all.length);
  });

  test('a page about the report belongs to no study', () => {
    expect(studyOfSource('upwork-report')).toBeNull();
    expect(studyOfSource('quantum-workplace-cnbc')).toBe('quantum-workplace');
  });

  test('studyOf reads the first source, and refuses a row of no study', () => {
    expect(studyOf({ id: 'x', source_ids: ['quantum-workplace-cnbc'] })).toBe('quantum-workplace');
    expect(() => studyOf({ id: 'x', source_ids: ['upwork-report'] })).toThrow('Context figure "x" cites no source listed in src/data/studies.ts');
  });

  test('byStudy keeps every context row once, grouped in the order of the list', () => {
    const { context } = loadData();
    const groups = byStudy(context);
    expect(groups.flatMap((g) => g.figures)).toHaveLength(context.length);
    expect(groups.map((g) => g.key)).toEqual(Object.keys(CONTEXT_STUDIES).filter((k) => groups.some((g) => g.key === k)));
    for (const g of groups) for (const f of g.figures) expect(studyOf(f)).toBe(g.key);
  });
});
