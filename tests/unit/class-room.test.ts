/**
 * Class mode's pure parts (src/class/room.ts, live.ts): codes as students type them, the device id,
 * the room's state checked, the teacher's fragment, the sentences each state says, and the live
 * watcher's fallback from events to polling (with a stand-in EventSource and fetch).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { GUESS_QUESTIONS } from '../../src/data/guesses';
import { FAILURES_BEFORE_POLLING, POLL_MS, readersOf, RETRY_MS, watchRoom } from '../../src/class/live';
import { qrPath } from '../../src/class/qr';
import {
  CODE_ALPHABET,
  DEVICE_KEY,
  classState,
  classSummary,
  deviceId,
  expiryText,
  isCode,
  joinAnnouncement,
  joinState,
  normaliseCode,
  ownResult,
  parseFragment,
  parseRoomState,
  publishedText,
  QUESTIONS,
  sentText,
  spacedCode,
  spokenCode,
  wasReset,
  type RoomState,
} from '../../src/class/room';

const room = (over: Partial<RoomState> = {}): RoomState => ({
  code: 'K7M2QX',
  question: null,
  step: 0,
  steps: 4,
  revealed: false,
  answers: 0,
  students: 0,
  expires: '2026-12-04T14:05:00.000Z',
  bins: null,
  median: null,
  published: null,
  ...over,
});

describe('room codes', () => {
  test('the alphabet has no look-alikes', () => {
    for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
    expect(CODE_ALPHABET).toHaveLength(31);
  });
  test('typed codes are normalised: case, spaces and dashes', () => {
    expect(normaliseCode('k7m 2qx')).toBe('K7M2QX');
    expect(normaliseCode(' K7M-2QX ')).toBe('K7M2QX');
    expect(isCode(normaliseCode('k7m2qx'))).toBe(true);
  });
  test('wrong lengths and characters are not codes', () => {
    for (const bad of ['', 'K7M2Q', 'K7M2QXX', 'K7M2Q0', 'O7M2QX', 'K7M2QI', 'K7M2Q!', 'K7M2QÉ']) expect(isCode(normaliseCode(bad)), bad).toBe(false);
  });
  test('shown spaced for the eye, letter by letter for a screen reader', () => {
    expect(spacedCode('K7M2QX')).toBe('K7M 2QX');
    expect(spokenCode('K7M2QX')).toBe('K 7 M 2 Q X');
  });
});

describe('the device id', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };
  test('16 random bytes as 22 characters of base64url, kept under class-device', () => {
    const s = store();
    const id = deviceId(s, (b) => b.fill(255));
    expect(id).toBe('_____________________w');
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(s.m.get(DEVICE_KEY)).toBe(id);
  });
  test('made once: a second call returns the kept id', () => {
    const s = store();
    const first = deviceId(s);
    expect(deviceId(s)).toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
  test('a kept value that is not an id is replaced', () => {
    const s = store();
    s.setItem(DEVICE_KEY, 'short');
    expect(deviceId(s)).not.toBe('short');
  });
  test('without storage, or with storage that throws, there is still an id', () => {
    expect(deviceId(null)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(deviceId(broken)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
  test('two devices differ', () => {
    expect(deviceId(store())).not.toBe(deviceId(store()));
  });
});

describe('the room state', () => {
  test('parses the service’s state, bins as counts or as {from, to, count}', () => {
    const bins = Array.from({ length: 20 }, (_, i) => ({ from: i * 5, to: i * 5 + 5, count: i === 8 ? 3 : 0 }));
    const s = parseRoomState({ ...room({ question: 'trust-top', step: 2, revealed: true, answers: 3, students: 3, median: 42 }), bins, published: { value: 67, figure: 'trust-top' } });
    expect(s.bins![8]).toBe(3);
    expect(s.published).toEqual({ value: 67, figure: 'trust-top' });
    expect(parseRoomState({ ...room(), bins: new Array(20).fill(1) }).bins).toHaveLength(20);
  });
  test('refuses what is not a state, naming the field', () => {
    expect(() => parseRoomState(null)).toThrow('not an object');
    expect(() => parseRoomState({ ...room(), code: 'nope' })).toThrow('code');
    expect(() => parseRoomState({ ...room(), answers: -1 })).toThrow('answers');
    expect(() => parseRoomState({ ...room(), revealed: 'yes' })).toThrow('revealed');
    expect(() => parseRoomState({ ...room(), bins: [1, 2] })).toThrow('bins');
    expect(() => parseRoomState({ ...room(), expires: 'soon' })).toThrow('expires');
    expect(() => parseRoomState({ ...room(), published: { value: 120 } })).toThrow('published');
  });
});

describe('the teacher’s fragment', () => {
  const key = 'a'.repeat(43);
  test('#CODE.KEY gives both; #CODE the code alone; anything else nothing', () => {
    expect(parseFragment(`#K7M2QX.${key}`)).toEqual({ code: 'K7M2QX', key });
    expect(parseFragment('#k7m2qx')).toEqual({ code: 'K7M2QX', key: null });
    for (const bad of ['', '#', '#K7M2Q', '#K7M2QX.', '#K7M2Q0', '#K7M2QX.<script>', `#K7M2QX.${key}#x`]) expect(parseFragment(bad), bad).toBeNull();
  });
});

describe('what each state says', () => {
  test('the join page’s states', () => {
    expect(joinState(null, null)).toBe('code');
    expect(joinState(room(), null)).toBe('waiting');
    expect(joinState(room({ question: 'trust-top', step: 2 }), null)).toBe('asking');
    expect(joinState(room({ question: 'trust-top', step: 2 }), 40)).toBe('sent');
    expect(joinState(room({ question: 'trust-top', step: 2, revealed: true }), 40)).toBe('revealed');
    expect(joinState(room({ question: 'not-a-question', step: 2 }), null)).toBe('waiting');
  });
  test('Sent, in words a student reads once', () => {
    expect(sentText(40)).toBe('Sent: 40%. You can change it until your teacher reveals the answer.');
  });
  test('a new question, the reveal and a reset are announced; a new count is not', () => {
    const asking = room({ question: 'burnout-share', step: 1, answers: 3 });
    expect(joinAnnouncement(room(), asking)).toBe(`Question 1 of 4. ${GUESS_QUESTIONS['burnout-share']}`);
    expect(joinAnnouncement(asking, { ...asking, answers: 4 })).toBe('');
    const shown = { ...asking, revealed: true, published: { value: 88, figure: 'burnout-share' } };
    expect(joinAnnouncement(asking, shown)).toBe('Your teacher revealed the answer: the published figure is 88%.');
    expect(joinAnnouncement(shown, { ...asking, answers: 0 })).toBe('Your teacher cleared the answers. Send your guess again.');
    expect(joinAnnouncement(asking, { ...asking, answers: 0 })).toBe('Your teacher cleared the answers. Send your guess again.');
  });
  test('a reset is told apart from a new question and from new answers', () => {
    const asking = room({ question: 'burnout-share', step: 1, answers: 3 });
    expect(wasReset(asking, { ...asking, answers: 0 })).toBe(true);
    expect(wasReset({ ...asking, revealed: true }, { ...asking, answers: 0 })).toBe(true);
    expect(wasReset(asking, { ...asking, answers: 4 })).toBe(false);
    expect(wasReset(asking, { ...asking, question: 'trust-top', step: 2, answers: 0 })).toBe(false);
    expect(wasReset(null, asking)).toBe(false);
  });
  test('the projector’s states', () => {
    expect(classState(null)).toBe('closed');
    expect(classState(room())).toBe('waiting');
    expect(classState(room({ question: 'trust-top' }))).toBe('asking');
    expect(classState(room({ question: 'trust-top', revealed: true }))).toBe('revealed');
    expect(classState(room({ question: 'trust-top' }), true)).toBe('closed');
  });
  test('the published figure, or that there is none; the student’s own guess against it', () => {
    expect(publishedText({ value: 88, figure: 'x' })).toBe('Published figure: 88%');
    expect(publishedText(null)).toBe('Published figure: not published');
    expect(ownResult(40, { value: 88, figure: 'x' })).toBe('You guessed 40%: 48 points lower than the published figure.');
    expect(ownResult(89, { value: 88, figure: 'x' })).toBe('You guessed 89%: 1 point higher than the published figure.');
    expect(ownResult(88, { value: 88, figure: 'x' })).toBe('You guessed 88%: spot on.');
    expect(ownResult(null, { value: 88, figure: 'x' })).toBe('You did not send a guess for this question.');
  });
  test('the class’s summary and the room’s expiry', () => {
    const bins = new Array(20).fill(0);
    bins[8] = 2;
    bins[9] = 1;
    expect(classSummary(bins, 42.5, { value: 88, figure: 'x' })).toBe('3 guesses from the class. Half the class guessed 42.5% or less; the published figure is 88%.');
    expect(classSummary(new Array(20).fill(0), null, null)).toBe('0 guesses from the class.');
    expect(expiryText('2026-12-04T14:05:00Z')).toMatch(/^This room and its answers are deleted at \d\d:\d\d\.$/);
  });
  test('the questions are Guess first’s, in order', () => {
    expect(QUESTIONS).toEqual(Object.keys(GUESS_QUESTIONS));
  });
});

describe('the QR code', () => {
  test('one path of unit squares, in a square with a quiet zone', () => {
    const { d, size } = qrPath('https://example.org/join/?code=K7M2QX');
    expect(size).toBeGreaterThanOrEqual(25);
    expect(d).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    // The finder pattern's corner module sits just inside the quiet zone.
    expect(d.startsWith('M2 2h1v1h-1z')).toBe(true);
  });
});

/** A stand-in EventSource: each instance is kept, and the test drives its events. */
class FakeSource {
  static all: FakeSource[] = [];
  listeners = new Map<string, ((e: { data?: string }) => void)[]>();
  closed = false;
  constructor(public url: string) {
    FakeSource.all.push(this);
  }
  addEventListener(type: string, fn: (e: { data?: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string, data?: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data: data === undefined ? undefined : JSON.stringify(data) });
  }
  close() {
    this.closed = true;
  }
}

describe('watchRoom', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSource.all = [];
    vi.stubGlobal('EventSource', FakeSource);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('gives each state from the stream; a dropped stream reopens after a second and its state replaces the old', async () => {
    const states: number[] = [];
    const w = watchRoom('/api/', 'K7M2QX', { state: (s) => states.push(s.answers), gone: () => states.push(-1) });
    expect(FakeSource.all[0]!.url).toBe('/api/rooms/K7M2QX/events');
    FakeSource.all[0]!.emit('open');
    FakeSource.all[0]!.emit('state', room({ answers: 3 }));
    FakeSource.all[0]!.emit('error');
    expect(FakeSource.all[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(FakeSource.all).toHaveLength(2);
    FakeSource.all[1]!.emit('state', room({ answers: 5 }));
    FakeSource.all[1]!.emit('closed');
    expect(states).toEqual([3, 5, -1]);
    w.stop();
  });

  test(`after ${FAILURES_BEFORE_POLLING} failures in a row it polls every ${POLL_MS / 1000} s, until the room is gone`, async () => {
    const answers = [2, 4];
    const fetchMock = vi.fn(async () => {
      const n = answers.shift();
      return n === undefined ? new Response('{"error":"no such room"}', { status: 404 }) : new Response(JSON.stringify(room({ answers: n })), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const seen: (number | string)[] = [];
    watchRoom('/api/', 'K7M2QX', { state: (s) => seen.push(s.answers), gone: () => seen.push('gone'), mode: (m) => seen.push(m) });
    for (let i = 0; i < FAILURES_BEFORE_POLLING; i++) {
      FakeSource.all[i]!.emit('error');
      await vi.advanceTimersByTimeAsync(RETRY_MS);
    }
    expect(FakeSource.all).toHaveLength(FAILURES_BEFORE_POLLING);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2 + 10);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(seen).toEqual(['polling', 2, 4, 'gone']);
  });

  test('without EventSource it polls from the start', async () => {
    vi.stubGlobal('EventSource', undefined);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(room({ answers: 1 })), { status: 200 })));
    const seen: number[] = [];
    const w = watchRoom('/api/', 'K7M2QX', { state: (s) => seen.push(s.answers), gone: () => {} });
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual([1]);
    w.stop();
  });
});

describe('readersOf', () => {
  afterEach(() => vi.unstubAllGlobals());
  test('the public summary as counts; too few guesses, no bins; a failure, null', async () => {
    const bins = Array.from({ length: 20 }, (_, i) => ({ from: i * 5, to: i * 5 + 5, count: i === 14 ? 20 : 0 }));
    const answers = [
      { status: 200, body: { question: 'trust-top', count: 20, bins, median: 72.5, published: { value: 67, figure: 'trust-top' } } },
      { status: 200, body: { question: 'trust-top', count: 3, bins: null, median: null } },
      { status: 503, body: { error: 'guesses are not available right now' } },
    ];
    const seen: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      seen.push(url);
      const a = answers.shift()!;
      return new Response(JSON.stringify(a.body), { status: a.status });
    }));
    const full = await readersOf('/api/', 'trust-top');
    expect(full!.count).toBe(20);
    expect(full!.bins![14]).toBe(20);
    expect(full!.median).toBe(72.5);
    expect(await readersOf('/api/', 'trust-top')).toEqual({ count: 3, bins: null, median: null });
    expect(await readersOf('/api/', 'trust-top')).toBeNull();
    expect(seen[0]).toBe('/api/guesses/trust-top');
  });
});
