/**
 * The README's project tree matches the tree: every path it names exists, and every folder under
 * src/ is in it. A fixture tree proves each rule bites.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Where the descriptions start: a line indented this far or more continues the line above. */
const TEXT_COLUMN = 24;

/** The paths a tree names, in order: each entry's name joined to the folders it sits in. */
export function treePaths(readme: string): string[] {
  const block = /## Project tree\s+```\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no "## Project tree" code block');
  const paths: string[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of block[1]!.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (!line.trim() || indent >= TEXT_COLUMN) continue;
    const name = line.trim().split(/\s{2,}|\s(?=\S)/)[0]!;
    while (stack.length && stack[stack.length - 1]!.depth >= indent) stack.pop();
    const path = (stack.length ? stack[stack.length - 1]!.path : '') + name;
    paths.push(path);
    if (name.endsWith('/')) stack.push({ depth: indent, path });
  }
  return paths;
}

/** What is wrong with a tree against a folder: paths that do not exist, src/ folders it leaves out. */
export function treeProblems(readme: string, root: string): string[] {
  const paths = treePaths(readme);
  const problems = paths.filter((p) => !p.includes('<') && !existsSync(join(root, p))).map((p) => `names ${p}, which does not exist`);
  const folders = readdirSync(join(root, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `src/${d.name}/`);
  for (const f of folders) if (!paths.some((p) => p === f || p.startsWith(f))) problems.push(`leaves out ${f}`);
  return problems;
}

describe("the README's project tree", () => {
  test('every path it names exists and every folder under src/ is in it', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(treePaths(readme)).toContain('src/charts/kit/');
    expect(treeProblems(readme, '.')).toEqual([]);
  });

  test('a path that does not exist, and a folder under src/ left out, are named', () => {
    const fixture = ['## Project tree', '', '```', 'src/', '  data/                 the data', '  gone.ts               a file that is not there', '                        gone.ts continued, not a path', '  <Chart>/              a placeholder', '```'].join('\n');
    const problems = treeProblems(fixture, '.');
    expect(problems).toContain('names src/gone.ts, which does not exist');
    expect(problems).toContain('leaves out src/charts/');
    expect(problems).not.toContain('names src/data/, which does not exist');
    expect(problems.some((p) => p.includes('continued') || p.includes('<Chart>'))).toBe(false);
  });
});
