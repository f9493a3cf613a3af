/**
 * The real `astro build`, pointed through DATA_DIR at bad fixtures, must stop in config setup (see
 * src/integrations/validate-data.ts) with the file, row and field, and write nothing; and, for data
 * that is valid but does not fit a "Guess first" question, with the question's key. Five builds
 * only: each starts Astro.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { shellEnv } from './env';

const ROOT = resolve(__dirname, '../..');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});


const CASES = [
  { name: 'not-a-number-percent-sign', where: 'figures.csv, row 16, field "value"', says: '(got "88%")' },
  { name: 'unknown-source', where: 'figures.csv, row 13, field "source_ids"', says: 'unknown source id "unleash-ai"' },
  // A shape fault has no column: the place is the file and row alone.
  { name: 'stray-quote', where: 'figures.csv, row 31:', says: 'a quoted field is never closed' },
  { name: 'change-unknown-figure', where: 'changes.csv, row 2, field "figure_ids"', says: 'unknown figure id "burnout-rate"' },
];
const BAD = join(ROOT, 'tests/fixtures/bad');
const BAD_GUESSES = join(ROOT, 'tests/fixtures/bad-guesses');

/** Runs `astro build` on one data folder into a fresh temporary dist/. */
function buildWith(dataDir: string) {
  const temp = mkdtempSync(join(tmpdir(), 'build-fails-'));
  temps.push(temp);
  const outDir = join(temp, 'dist');
  const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: shellEnv({ DATA_DIR: dataDir }),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { result, outDir, output: `${result.stdout}\n${result.stderr}` };
}

describe('astro build with bad data', () => {
  test.each(CASES)('$name: exits non-zero, names file, row and field, writes nothing', ({ name, where, says }) => {
    const { result, outDir, output } = buildWith(join(BAD, name));

    expect(result.error, output).toBeUndefined();
    expect(result.status, output).not.toBe(0);
    expect(result.status, output).not.toBeNull();
    // load.ts names the file by its path from the project root, as a reader would type it.
    expect(output).toContain(`tests/fixtures/bad/${name}/${where}`);
    expect(output).toContain(says);
    expect(output).toContain('[validate-data]');
    // Validation runs in astro:config:setup, before Astro writes anything.
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });

  test('a guess-first question for a figure that is not a share: exits non-zero, names the key, writes nothing', () => {
    const { result, outDir, output } = buildWith(join(BAD_GUESSES, 'not-a-share'));

    expect(result.error, output).toBeUndefined();
    expect(result.status, output).not.toBe(0);
    expect(result.status, output).not.toBeNull();
    expect(output).toContain('Invalid guess-first questions:');
    expect(output).toContain(
      'src/data/guesses.ts, "politeness-all": not a share (its unit in tests/fixtures/bad-guesses/not-a-share/figures.csv is percent_more_likely, not percent)',
    );
    expect(output).toContain('[validate-data]');
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });
});
