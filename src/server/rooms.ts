/**
 * The rooms store (class mode): a room's code and key, its state, its students' answers, and the
 * sweep of rooms past their 12 hours. Every read takes the time from its caller (the app's clock,
 * injectable for tests): a room whose `expires` is not after it is no room at all.
 *
 * Stored: the code, the SHA-256 of the teacher's key, the current question, whether it is revealed,
 * and per answer its question, value, hour and the SHA-256 of code + ':' + device id. Nothing else.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from './db';
import { BIN_WIDTH, BINS, type Bin } from './guesses';
import { publishedFor, QUESTION_IDS, type Published } from './questions';

/** 31 characters: no 0/O, 1/I/L. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
/** A room lives this long from its start. */
export const ROOM_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** At most this many devices answer in one room. */
export const MAX_STUDENTS = 200;

export interface RoomState {
  code: string;
  question: string | null;
  /** 1-based index of the question among the "Guess first" questions, 0 before the first. */
  step: number;
  steps: number;
  revealed: boolean;
  /** Answers to the current question. */
  answers: number;
  /** Distinct devices that answered anything in this room. */
  students: number;
  expires: string;
  /** Only once revealed. */
  bins: Bin[] | null;
  median: number | null;
  published: Published | null;
}

export interface NewRoom {
  code: string;
  key: string;
  expires: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The teacher's key as stored. */
export const keyHash = (key: string) => sha256(key);
/** A device id as stored: hashed with the room's code, so it links nothing across rooms. */
export const deviceHash = (code: string, device: string) => sha256(`${code}:${device}`);

/** A fresh code from crypto random (randomInt: no modulo bias). */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Deletes the rooms that have expired, and (by cascade) their answers; the number of rooms deleted. */
export async function sweepRooms(db: Db, now: Date): Promise<number> {
  const rows = await db.query<{ code: string }>('delete from rooms where expires <= $1 returning code', [now]);
  return rows.length;
}

/** Starts a room: a new code (another on collision) and key; the key is returned once and only its hash kept. */
export async function createRoom(db: Db, now: Date): Promise<NewRoom> {
  await sweepRooms(db, now);
  const key = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + ROOM_LIFETIME_MS);
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newCode();
    const rows = await db.query<{ code: string }>(
      'insert into rooms (code, key_hash, created, expires) values ($1, $2, $3, $4) on conflict (code) do nothing returning code',
      [code, keyHash(key), now, expires],
    );
    if (rows.length) return { code, key, expires: expires.toISOString() };
  }
  throw new Error('no free room code after 10 attempts');
}

const STATE = `
select r.code, r.question, r.revealed, r.expires,
  (select count(*)::int from room_answers a where a.code = r.code and a.question = r.question) as answers,
  (select count(distinct a.device)::int from room_answers a where a.code = r.code) as students,
  case when r.revealed then
    (select percentile_cont(0.5) within group (order by a.value) from room_answers a where a.code = r.code and a.question = r.question)
  end as median,
  case when r.revealed then
    (select coalesce(json_agg(json_build_array(bin, n) order by bin), '[]'::json) from (
      select least(floor(a.value / ${BIN_WIDTH}), ${BINS - 1})::int as bin, count(*)::int as n
      from room_answers a where a.code = r.code and a.question = r.question group by 1) b)
  end as bins
from rooms r where r.code = $1 and r.expires > $2`;

interface StateRow {
  code: string;
  question: string | null;
  revealed: boolean;
  expires: Date | string;
  answers: number;
  students: number;
  median: number | null;
  bins: unknown;
}

/** A room's state, read in one statement; null when there is no such room (or it has expired). */
export async function roomState(db: Db, code: string, now: Date): Promise<RoomState | null> {
  const [row] = await db.query<StateRow>(STATE, [code, now]);
  if (!row) return null;
  const revealed = Boolean(row.revealed);
  let bins: Bin[] | null = null;
  if (revealed) {
    const pairs = (typeof row.bins === 'string' ? JSON.parse(row.bins) : (row.bins ?? [])) as [number, number][];
    const counts = new Map(pairs.map(([bin, n]) => [Number(bin), Number(n)]));
    bins = Array.from({ length: BINS }, (_, i) => ({ from: i * BIN_WIDTH, to: (i + 1) * BIN_WIDTH, count: counts.get(i) ?? 0 }));
  }
  const question = row.question ?? null;
  return {
    code: row.code,
    question,
    step: question === null ? 0 : QUESTION_IDS.indexOf(question) + 1,
    steps: QUESTION_IDS.length,
    revealed,
    answers: Number(row.answers),
    students: Number(row.students),
    expires: new Date(row.expires).toISOString(),
    bins,
    median: revealed && row.median !== null ? Number(row.median) : null,
    published: revealed && question !== null ? publishedFor(question) : null,
  };
}

/**
 * Whether `key` is the room's key, compared in constant time: 'ok', 'wrong', or 'gone' when there
 * is no such room.
 */
export async function checkKey(db: Db, code: string, key: string, now: Date): Promise<'ok' | 'wrong' | 'gone'> {
  const [row] = await db.query<{ key_hash: string }>('select key_hash from rooms where code = $1 and expires > $2', [code, now]);
  if (!row) return 'gone';
  const given = Buffer.from(keyHash(key), 'hex');
  const stored = Buffer.from(row.key_hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored) ? 'ok' : 'wrong';
}

export type AnswerOutcome = 'ok' | 'gone' | 'question' | 'revealed' | 'full';

/**
 * Stores a device's answer to the room's current question, or replaces its earlier one; every
 * rule that depends on the room (current question, not revealed, the device cap) is checked in the
 * same call, under a lock on the room's row (room_answer() in migrations/002_rooms.sql).
 */
export async function answer(
  db: Db,
  code: string,
  device: string,
  question: string,
  value: number,
  now: Date,
  cap = MAX_STUDENTS,
): Promise<AnswerOutcome> {
  const [row] = await db.query<{ outcome: AnswerOutcome }>('select room_answer($1, $2, $3, $4, $5, $6) as outcome', [
    code,
    deviceHash(code, device),
    question,
    value,
    now,
    cap,
  ]);
  return row!.outcome;
}

/** Moves the class to a question (not yet revealed); false when there is no such room. */
export async function setQuestion(db: Db, code: string, question: string, now: Date): Promise<boolean> {
  const rows = await db.query('update rooms set question = $2, revealed = false where code = $1 and expires > $3 returning code', [code, question, now]);
  return rows.length > 0;
}

/** Reveals the current question: 'ok', 'none' (no question yet) or 'gone'. */
export async function reveal(db: Db, code: string, now: Date): Promise<'ok' | 'none' | 'gone'> {
  const [row] = await db.query<{ question: string | null }>(
    'update rooms set revealed = (question is not null) where code = $1 and expires > $2 returning question',
    [code, now],
  );
  if (!row) return 'gone';
  return row.question === null ? 'none' : 'ok';
}

/** Deletes the current question's answers (no other's) and closes the reveal; false when there is no such room. */
export async function reset(db: Db, code: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `with r as (update rooms set revealed = false where code = $1 and expires > $2 returning code, question),
     d as (delete from room_answers a using r where a.code = r.code and a.question = r.question returning 1)
     select (select count(*) from d) as deleted from r`,
    [code, now],
  );
  return rows.length > 0;
}

/** Deletes the room and (by cascade) its answers; false when there was no such room. */
export async function closeRoom(db: Db, code: string, now: Date): Promise<boolean> {
  const rows = await db.query('delete from rooms where code = $1 and expires > $2 returning code', [code, now]);
  return rows.length > 0;
}
