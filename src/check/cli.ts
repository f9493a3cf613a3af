/**
 * The sentence checker on the command line, for newsroom pipelines and tests:
 *
 *   npm run --silent check:claim -- --json "TEXT"   one JSON line: {"claims": [{figure, value, departures, suggestion}]}
 *   npm run --silent check:claim -- "TEXT"          the cards as text
 *   npm run --silent check:claim -- --json --lines < FILE   one JSON line per line of FILE, each checked alone
 *   npm run --silent check:claim -- --score         the score on data/coverage.csv's retellings
 *
 * With no TEXT (or "-"), the text is read from standard input. Same module, same data as /check/.
 */
import { readFileSync } from 'node:fs';
import { loadData } from '../data/load';
import { checkText } from './check';
import { checkerData } from './data';
import { resultText } from './render';
import { score, scoreText } from './score';
import type { CheckResult } from './types';

const USAGE = 'Usage: npm run --silent check:claim -- [--json] [--lines] "TEXT"   (or TEXT on standard input; --lines checks each line alone; --score for the score on the press trail)';

/** The JSON line: for each claim, its figure, the number as written, its departures and a faithful wording. */
export function claimsJson(result: CheckResult): string {
  return JSON.stringify({
    claims: result.claims.map((c) => ({ figure: c.figure, value: c.value, departures: c.departures, suggestion: c.suggestion })),
  });
}

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => !['--json', '--lines', '--score', '--help'].includes(f));
  if (unknown.length || flags.has('--help')) {
    (unknown.length ? process.stderr : process.stdout).write(`${unknown.length ? `Unknown option ${unknown.join(', ')}. ` : ''}${USAGE}\n`);
    return unknown.length ? 2 : 0;
  }
  const dataset = loadData();
  const data = checkerData(dataset);
  if (flags.has('--score')) {
    const s = score(dataset.coverage, (text) => checkText(text, data));
    process.stdout.write(flags.has('--json') ? `${JSON.stringify(s)}\n` : `${scoreText(s)}\n`);
    return 0;
  }
  const words = argv.filter((a) => !a.startsWith('--'));
  const text = words.length && words.join(' ') !== '-' ? words.join(' ') : readFileSync(0, 'utf8');
  if (!text.trim()) {
    process.stderr.write(`No text to check. ${USAGE}\n`);
    return 2;
  }
  if (flags.has('--lines')) {
    const lines = text.split('\n').filter((line) => line.trim());
    process.stdout.write(lines.map((line) => (flags.has('--json') ? claimsJson(checkText(line, data)) : resultText(checkText(line, data), data))).join('\n') + '\n');
    return 0;
  }
  const result = checkText(text, data);
  if (flags.has('--json')) {
    process.stdout.write(`${claimsJson(result)}\n`);
    return 0;
  }
  process.stdout.write(`${resultText(result, data)}\n`);
  return 0;
}


try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Bad data (a file, row and field named by the dataset's own checks): the message, not a stack.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
