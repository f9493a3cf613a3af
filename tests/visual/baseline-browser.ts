/**
 * Which Chromium the visual baselines were made with, against the one running: pure helpers for the
 * reporter (browser-reporter.ts), tested in tests/unit/baseline-browser.test.ts.
 */
export const UPDATE_COMMAND = 'npm run test:visual -- --update-snapshots';

/** The major version in `chromium --version` output ("Chromium 156.0.8078.114 built on Debian …"). */
export function chromiumMajor(versionOutput: string): number | null {
  const m = /\b(?:Chromium|Chrome|HeadlessChrome)[ /](\d+)\./.exec(versionOutput);
  return m ? Number(m[1]) : null;
}

/** The line printed when the visual run starts. */
export function versionLine(made: number, running: number | null, runningText: string): string {
  const same = running === made ? ' (same major version)' : '';
  return `visual: baselines made with Chromium ${made}; running ${runningText || 'an unknown browser'}${same}`;
}

/**
 * One line when screenshots failed on a browser other than the baselines' one, or null. A
 * failure on the same version is a change of the site's, and is left to the test's own report.
 */
export function mismatchLine(made: number, running: number | null, failedScreenshots: number): string | null {
  if (failedScreenshots === 0 || running === made) return null;
  const now = running === null ? 'an unknown version' : `Chromium ${running}`;
  return (
    `visual: ${failedScreenshots} screenshot test(s) failed on ${now}, and the baselines were made with Chromium ${made}: ` +
    `if the diffs are the browser's drawing, not the site's, review them and run \`${UPDATE_COMMAND}\` (README, "Updating the visual baselines")`
  );
}
