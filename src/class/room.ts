/**
 * Class mode's pure parts, shared by the join page (/join/), the projector view (/class/), the
 * "Start a class" button and the tests: room codes as a student types them, the device id, the
 * room's state as the service sends it (checked), the teacher's key in the address fragment, and
 * the sentences each page says for each state. No DOM, no network (live.ts does the network).
 * The contract with the service: README, "Class mode".
 */
import { GUESS_QUESTIONS } from '../data/guesses';

/** The letters and digits of a room code: no 0/O, 1/I/L. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** The questions a class is asked, in order: the keys of GUESS_QUESTIONS. */
export const QUESTIONS: readonly string[] = Object.keys(GUESS_QUESTIONS);
/** A question's words, or null for an id the page does not know. */
export const questionText = (id: string | null): string | null => (id !== null && Object.hasOwn(GUESS_QUESTIONS, id) ? GUESS_QUESTIONS[id]! : null);

/** What a student typed, as a code: capitals, without spaces or dashes ("k7m 2qx" → "K7M2QX"). Not checked. */
export const normaliseCode = (typed: string): string => typed.toUpperCase().replace(/[\s\-–.]/g, '');
/** Whether a normalised code can be a room's. */
export const isCode = (code: string): boolean => CODE.test(code);
/** "K7M2QX" → "K7M 2QX", for the eye. */
export const spacedCode = (code: string): string => (code.length === CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code);
/** "K7M2QX" → "K 7 M 2 Q X", for a screen reader, which would otherwise read it as a word. */
export const spokenCode = (code: string): string => code.split('').join(' ');

/** The sessionStorage key of this browser's device id (the contract's). */
export const DEVICE_KEY = 'class-device';
const DEVICE = /^[A-Za-z0-9_-]{16,64}$/;

/** base64url of some bytes, without padding. */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * This browser tab's anonymous device id: 22 characters of base64url from 16 random bytes, made
 * once and kept in sessionStorage (so a reload keeps it, a new tab or a closed browser does not).
 * Sent only to the room's answer endpoint. Without storage it lives as long as the page.
 */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | null, random: (b: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  let kept: string | null = null;
  try {
    kept = storage?.getItem(DEVICE_KEY) ?? null;
  } catch {
    kept = null;
  }
  if (kept && DEVICE.test(kept)) return kept;
  const id = base64url(random(new Uint8Array(16)));
  try {
    storage?.setItem(DEVICE_KEY, id);
  } catch {
    // Storage full or refused: the id lasts as long as the page.
  }
  return id;
}

/** The published figure of a question, as the service gives it after the reveal. */
export interface Published {
  value: number;
  figure: string;
}

/** A room, as GET /api/rooms/{code} and the `state` events give it. */
export interface RoomState {
  code: string;
  question: string | null;
  step: number;
  steps: number;
  revealed: boolean;
  answers: number;
  students: number;
  expires: string;
  /** 20 counts, 0–5% … 95–100%, only once revealed. */
  bins: number[] | null;
  median: number | null;
  published: Published | null;
}

const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const share = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100;

/** A bin as a count: the service may send counts, or {from, to, count} as the public summary does. */
const binCount = (b: unknown): number | null => (count(b) ? b : b && typeof b === 'object' && count((b as { count?: unknown }).count) ? (b as { count: number }).count : null);

/** The state, checked field by field; anything else throws, naming the field. */
export function parseRoomState(body: unknown): RoomState {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('room: the answer is not an object');
  const b = body as Record<string, unknown>;
  if (typeof b.code !== 'string' || !isCode(b.code)) throw new Error('room: code is not a room code');
  if (b.question !== null && typeof b.question !== 'string') throw new Error('room: question is neither null nor an id');
  if (!count(b.step) || !count(b.steps)) throw new Error('room: step or steps is not a whole number');
  if (typeof b.revealed !== 'boolean') throw new Error('room: revealed is not true or false');
  if (!count(b.answers) || !count(b.students)) throw new Error('room: answers or students is not a whole number');
  if (typeof b.expires !== 'string' || Number.isNaN(Date.parse(b.expires))) throw new Error('room: expires is not a time');
  let bins: number[] | null = null;
  if (b.bins != null) {
    if (!Array.isArray(b.bins) || b.bins.length !== 20) throw new Error('room: bins is neither null nor 20 bins');
    bins = b.bins.map((x, i) => {
      const c = binCount(x);
      if (c === null) throw new Error(`room: bins[${i}] is not a count`);
      return c;
    });
  }
  const median = b.median == null ? null : share(b.median) ? b.median : null;
  let published: Published | null = null;
  if (b.published != null) {
    const p = b.published as Record<string, unknown>;
    if (!share(p.value)) throw new Error('room: published.value is not a share');
    published = { value: p.value, figure: typeof p.figure === 'string' ? p.figure : '' };
  }
  return { code: b.code, question: (b.question as string | null) ?? null, step: b.step, steps: b.steps, revealed: b.revealed, answers: b.answers, students: b.students, expires: b.expires, bins, median, published };
}

/**
 * The teacher's fragment: "#K7M2QX.<43 characters of key>" as the Start button makes it, or "#K7M2QX"
 * once the page has kept the key and rewritten the address. Case is kept for the key, not the code.
 */
export function parseFragment(hash: string): { code: string; key: string | null } | null {
  const m = /^#?([A-Za-z0-9]{6})(?:\.([A-Za-z0-9_-]{20,128}))?$/.exec(hash);
  if (!m) return null;
  const code = normaliseCode(m[1]!);
  return isCode(code) ? { code, key: m[2] ?? null } : null;
}

/** What the join page shows: its `data-join-state`. */
export type JoinState = 'code' | 'waiting' | 'asking' | 'sent' | 'revealed' | 'closed' | 'unknown';

/** The join page's state for a room and what this device has sent for the current question. */
export function joinState(room: RoomState | null, sent: number | null): JoinState {
  if (!room) return 'code';
  if (room.question === null || questionText(room.question) === null) return 'waiting';
  if (room.revealed) return 'revealed';
  return sent === null ? 'asking' : 'sent';
}

/** "Sent: 40%. You can change it until your teacher reveals the answer." */
export const sentText = (value: number): string => `Sent: ${value}%. You can change it until your teacher reveals the answer.`;

/** The sentence a student's screen reader hears when the room moves on (the polite live region), or '' for nothing new. */
export function joinAnnouncement(before: RoomState | null, after: RoomState): string {
  if (after.question !== null && after.question !== before?.question) return `Question ${after.step} of ${after.steps}. ${questionText(after.question) ?? ''}`.trim();
  if (after.revealed && !before?.revealed) return after.published ? `Your teacher revealed the answer: the published figure is ${after.published.value}%.` : 'Your teacher revealed the answer.';
  if (wasReset(before, after)) return 'Your teacher cleared the answers. Send your guess again.';
  return '';
}

/** Whether the teacher cleared this question's answers since `before` (so a student's "Sent" no longer holds). */
export function wasReset(before: RoomState | null, after: RoomState): boolean {
  if (!before || before.question !== after.question || after.question === null) return false;
  return (before.revealed && !after.revealed) || (!after.revealed && after.answers < before.answers);
}

/** "1 answer", "33 answers". */
export const answersText = (n: number): string => `${n} answer${n === 1 ? '' : 's'}`;

/** The projector's `data-room-state`. */
export type ClassState = 'waiting' | 'asking' | 'revealed' | 'closed';
export const classState = (room: RoomState | null, closed = false): ClassState =>
  closed || !room ? 'closed' : room.question === null ? 'waiting' : room.revealed ? 'revealed' : 'asking';

/** "This room and its answers are deleted at 14:05." in the viewer's own clock. */
export function expiryText(expires: string, locale?: string): string {
  const at = new Date(expires).toLocaleTimeString(locale ?? 'en-GB', { hour: '2-digit', minute: '2-digit' });
  return `This room and its answers are deleted at ${at}.`;
}

/** The published figure, or the words for a question without one. */
export const publishedText = (p: Published | null): string => (p ? `Published figure: ${p.value}%` : 'Published figure: not published');

/**
 * What the class's histogram says in words: how many guessed, the middle guess and the gap to the
 * published figure. "33 guesses. Half the class guessed 40% or less; the published figure is 88%."
 */
export function classSummary(bins: readonly number[], median: number | null, published: Published | null): string {
  const total = bins.reduce((n, c) => n + c, 0);
  const head = `${total} guess${total === 1 ? '' : 'es'} from the class.`;
  if (median === null) return head;
  const mid = `Half the class guessed ${Number(median.toFixed(1))}% or less`;
  return published ? `${head} ${mid}; the published figure is ${published.value}%.` : `${head} ${mid}.`;
}

/** "You guessed 40%: 48 points lower than the published figure." or, with no guess sent, a plain line. */
export function ownResult(guess: number | null, published: Published | null): string {
  if (guess === null) return 'You did not send a guess for this question.';
  if (!published) return `You guessed ${guess}%.`;
  const gap = Math.abs(Number((published.value - guess).toFixed(2)));
  if (gap === 0) return `You guessed ${guess}%: spot on.`;
  return `You guessed ${guess}%: ${gap} point${gap === 1 ? '' : 's'} ${guess < published.value ? 'lower' : 'higher'} than the published figure.`;
}
