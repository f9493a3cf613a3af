/**
 * How readers guessed: the guess service's answer (README, the guess API), fetched after a reveal
 * in "Guess first", and the sentences the crowd panel (index.ts) says about it. Loaded with
 * the panel, only after a reveal and only in a build with GUESS_API. Nothing here stores anything:
 * the guess is sent once, without credentials, and the answer lives in the panel.
 */
import { BIN_WIDTH, PUBLIC_MINIMUM } from '../../lib/crowd-rules';
import { formatDecimal, formatInt } from '../../lib/format';

/** The bins the service counts guesses in: 20 of 5 points, the last one 95–100 inclusive of 100. */
export const BINS = 100 / BIN_WIDTH;
export { BIN_WIDTH };
/** Below this many guesses the service gives no bins and no median (no small-number disclosure). */
export const FEW = PUBLIC_MINIMUM;
/** The whole exchange, sending and reading, must answer within this time (ms), or the panel says it is not available. */
export const CROWD_TIMEOUT = 2000;

/** The one quiet line when the readers' guesses cannot be shown (offline, blocked, slow, an error). */
export const CROWD_UNAVAILABLE = "Readers' guesses are not available right now.";

/**
 * The service's summary of one question, checked: guesses per bin, 20 counts from 0–5% to 95–100%,
 * and their median; both null while fewer than 20 readers have guessed.
 */
export type Crowd = { count: number; bins: number[]; median: number } | { count: number; bins: null; median: null };

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const isShare = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100;

/** The GET answer, checked field by field; anything else is an error naming what is wrong. */
export function parseCrowd(body: unknown, question: string): Crowd {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('crowd: the answer is not an object');
  const b = body as Record<string, unknown>;
  if (b.question !== question) throw new Error(`crowd: question is ${JSON.stringify(b.question)}, not "${question}"`);
  if (!isCount(b.count)) throw new Error('crowd: count is not a whole number of 0 or more');
  if (b.bins === null && b.median === null) return { count: b.count, bins: null, median: null };
  if (!Array.isArray(b.bins) || b.bins.length !== BINS) throw new Error(`crowd: bins is neither null nor ${BINS} bins`);
  const bins = b.bins.map((bin: unknown, i) => {
    const { from, to, count } = (bin ?? {}) as Record<string, unknown>;
    if (from !== i * BIN_WIDTH || to !== (i + 1) * BIN_WIDTH || !isCount(count)) throw new Error(`crowd: bins[${i}] is not {from: ${i * BIN_WIDTH}, to: ${(i + 1) * BIN_WIDTH}, count}`);
    return count;
  });
  if (bins.reduce((n, c) => n + c, 0) !== b.count) throw new Error('crowd: the bins do not add up to count');
  if (!isShare(b.median)) throw new Error('crowd: median is not a share from 0 to 100');
  return { count: b.count, bins, median: b.median };
}

export interface CrowdRequest {
  /** GUESS_API: '/api/' or 'https://host/api/'. */
  api: string;
  /** The figure id, a key of GUESS_QUESTIONS. */
  question: string;
  /** The reader's guess, sent first; null after Skip (nothing is sent). */
  guess: number | null;
  timeout?: number;
}

/**
 * Sends the guess (when there is one), then reads how readers guessed: both within `timeout` ms
 * overall, or it fails. Fails too on any status but 201 and 200, and on a malformed answer.
 */
export async function fetchCrowd({ api, question, guess, timeout = CROWD_TIMEOUT }: CrowdRequest): Promise<Crowd> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`crowd: no answer within ${timeout} ms`));
    }, timeout);
  });
  // No cookies, no referrer: the guess goes alone.
  const init: RequestInit = { signal: abort.signal, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' };
  const exchange = async () => {
    if (guess !== null) {
      const sent = await fetch(`${api}guesses`, {
        ...init,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question, value: guess }),
      });
      if (sent.status !== 201) throw new Error(`crowd: the guess was answered ${sent.status}`);
    }
    const read = await fetch(`${api}guesses/${encodeURIComponent(question)}`, { ...init, headers: { Accept: 'application/json' } });
    if (read.status !== 200) throw new Error(`crowd: the summary was answered ${read.status}`);
    return parseCrowd(await read.json(), question);
  };
  try {
    return await Promise.race([exchange(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** "How 57 readers guessed"; "How 1 reader guessed"; before the answer, "How readers guessed". */
export function crowdHeading(count: number | null): string {
  if (count === null) return 'How readers guessed';
  return `How ${formatInt(count)} reader${count === 1 ? '' : 's'} guessed`;
}

/**
 * The gap between the crowd's middle guess and the published figure, in points:
 * "Half of readers guessed 60% or less; the published figure is 88%: the crowd's middle guess is 28 points lower."
 */
export function crowdGap(median: number, published: number): string {
  const gap = Math.abs(published - median);
  const off = gap < 0.005 ? 'the same' : `${formatDecimal(gap)} point${formatDecimal(gap) === '1' ? '' : 's'} ${median < published ? 'lower' : 'higher'}`;
  return `Half of readers guessed ${formatDecimal(median)}% or less; the published figure is ${formatDecimal(published)}%: the crowd's middle guess is ${off}.`;
}

/** While fewer than 20 readers have guessed. */
export const crowdFew = (count: number): string => `Too few readers have guessed yet to show their spread (${formatInt(count)} so far).`;

/** "55–60%" for bin i. */
export const binLabel = (i: number): string => `${i * BIN_WIDTH}–${(i + 1) * BIN_WIDTH}%`;

/**
 * What the histogram shows, in words, for a screen reader: the bins, the most common guesses, and
 * the two marks.
 */
export function crowdDescription(bins: readonly number[], published: number, guess: number | null): string {
  const top = Math.max(...bins);
  const most = bins.flatMap((c, i) => (c === top ? [binLabel(i)] : []));
  const marks = guess === null ? `A line marks the published figure, ${formatDecimal(published)}%.` : `Lines mark the published figure, ${formatDecimal(published)}%, and your guess, ${formatDecimal(guess)}%.`;
  return `A histogram of readers' guesses in ${BINS} bins of ${BIN_WIDTH} points from 0% to 100%. The most common guesses were ${most.join(', ')} (${formatInt(top)} reader${top === 1 ? '' : 's'}${most.length > 1 ? ' each' : ''}). ${marks}`;
}
