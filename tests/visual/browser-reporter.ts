/**
 * A Playwright reporter for the visual project: prints the Chromium major version the baselines
 * were made with beside the running one when the run starts; when screenshot tests fail on a
 * different version, says so in one line with the update command; when baselines are rewritten
 * (`--update-snapshots`), records the running version as theirs. It never skips or retries.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { chromiumMajor, mismatchLine, versionLine } from './baseline-browser';

const RECORD = fileURLToPath(new URL('./baseline-browser.json', import.meta.url));

export default class BaselineBrowserReporter implements Reporter {
  private active = false;
  private made = 0;
  private running: number | null = null;
  private failed = 0;
  private updating = false;

  onBegin(config: FullConfig, suite: Suite) {
    this.active = suite.allTests().some((t) => t.parent.project()?.name === 'visual');
    if (!this.active) return;
    this.updating = config.updateSnapshots === 'all' || config.updateSnapshots === 'changed';
    this.made = (JSON.parse(readFileSync(RECORD, 'utf8')) as { chromiumMajor: number }).chromiumMajor;
    const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    let text = '';
    try {
      text = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      text = `no browser at ${path}`;
    }
    this.running = chromiumMajor(text);
    console.log(versionLine(this.made, this.running, text));
  }

  onTestEnd(test: TestCase, result: TestResult) {
    if (!this.active || test.parent.project()?.name !== 'visual') return;
    const screenshot = result.errors.some((e) => /toHaveScreenshot|screenshot/i.test(e.message ?? ''));
    if (result.status !== 'passed' && result.status !== 'skipped' && screenshot) this.failed++;
  }

  onEnd(result: FullResult) {
    if (!this.active) return;
    const line = mismatchLine(this.made, this.running, this.failed);
    if (line) console.log(line);
    if (this.updating && result.status === 'passed' && this.running !== null && this.running !== this.made) {
      const record = JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, unknown>;
      writeFileSync(RECORD, `${JSON.stringify({ ...record, chromiumMajor: this.running }, null, 2)}\n`);
      console.log(`visual: baselines now recorded as made with Chromium ${this.running} (${RECORD})`);
    }
  }

  printsToStdio() {
    return false;
  }
}
