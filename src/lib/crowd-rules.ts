/**
 * The rules of the readers' guesses, shared by the guess service (src/server/), the page that shows
 * them and the page that says what is kept (/data/#reader-guesses).
 */

/** Below this many guesses for a question, the service gives no spread and no median. */
export const PUBLIC_MINIMUM = 20;
/** The width of a histogram bin, in percentage points: 0–5, 5–10, …, 95–100 (100 in the last). */
export const BIN_WIDTH = 5;
/** Guesses one address may send in a minute (held in memory only). */
export const GUESSES_PER_MINUTE = 30;
