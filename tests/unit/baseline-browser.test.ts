/** The visual run names the browser its baselines were made with, and says when that explains a failure. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { chromiumMajor, mismatchLine, UPDATE_COMMAND, versionLine } from '../visual/baseline-browser';

describe('chromiumMajor', () => {
  test.each([
    ['Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)', 156],
    ['Chromium 150.0.7000.1 built on Debian GNU/Linux 12 (bookworm)', 150],
    ['Google Chrome 131.0.6778.85', 131],
    ['HeadlessChrome/156.0.8078.114', 156],
    ['no browser at /usr/bin/chromium', null],
  ])('%s → %s', (out, major) => expect(chromiumMajor(out)).toBe(major));
});

test('the start line names both versions', () => {
  expect(versionLine(150, 156, 'Chromium 156.0.8078.114')).toBe('visual: baselines made with Chromium 150; running Chromium 156.0.8078.114');
  expect(versionLine(156, 156, 'Chromium 156.0.8078.114')).toMatch(/\(same major version\)$/);
});

describe('mismatchLine', () => {
  test('is one line with the README update command when screenshots fail on another version', () => {
    const line = mismatchLine(150, 156, 3)!;
    expect(line).toContain('Chromium 156');
    expect(line).toContain('Chromium 150');
    expect(line).toContain(UPDATE_COMMAND);
    expect(line).not.toContain('\n');
    expect(readFileSync('README.md', 'utf8')).toContain(UPDATE_COMMAND);
  });
  test('says nothing when nothing failed, or when the versions agree (the change is the site’s)', () => {
    expect(mismatchLine(150, 156, 0)).toBeNull();
    expect(mismatchLine(156, 156, 4)).toBeNull();
  });
});

test('the record holds a plausible Chromium major version', () => {
  const { chromiumMajor: made } = JSON.parse(readFileSync('tests/visual/baseline-browser.json', 'utf8')) as { chromiumMajor: number };
  expect(Number.isInteger(made) && made >= 100).toBe(true);
});
