/**
 * The real `astro build`, pointed through DATA_DIR at bad fixtures, must stop in config setup (see
 * src/integrations/validate-data.ts) with the file, row and field, and write nothing. Three builds
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
];

describe('astro build with bad data', () => {
  test.each(CASES)('$name: exits non-zero, names file, row and field, writes nothing', ({ name, where, says }) => {
    const temp = mkdtempSync(join(tmpdir(), 'build-fails-'));
    temps.push(temp);
    const outDir = join(temp, 'dist');

    const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: shellEnv({ DATA_DIR: join(ROOT, 'tests/fixtures/bad', name) }),
      encoding: 'utf8',
      timeout: 180_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;

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
});
