/**
 * What a reader typed into a search box, made safe to keep: people paste email addresses, card and
 * phone numbers and the numbers of their lots into search boxes, and none of that may reach the
 * database. The browser masks before sending and the service masks again on arrival (it never
 * trusts the client), so this module runs in both and imports nothing from Node.
 *
 * Masking is idempotent: a masked query masked again stays the same.
 */

/** Longest query kept, in characters (after masking). */
export const maxQueryLength = 200;

/** Work is bounded before the patterns run, whatever a client sends. */
const maxInputLength = 1000;

/**
 * An @ with something before it and a host after it: `anna.b+x@example.co.uk`, `jan@localhost`;
 * punctuation around it (a comma after it, brackets) stays.
 */
const EMAIL = /[^\s@<>()[\],;:"']+@[\p{L}\p{N}](?:[\p{L}\p{N}.-]*[\p{L}\p{N}])?/gu;

/**
 * The word for a lot in the help centre's languages, as the articles use it ("lot [lot number]",
 * "Los [Losnummer]", "kavel", "lotto", "lote", "лот", "경매품"), with the case endings Russian adds
 * and the words for "number" that may follow. Lots have no letters in their numbers, so a lot word
 * followed by digits (with - / . inside, e.g. "12345", "4711-22") is a lot number.
 */
const LOT_WORD = '(?:lots?|kavels?|lose?|lotto|lotti|lotes?|лот(?:а|у|ом|е|ы|ов)?|경매품|로트|랏)';
const NUMBER_WORD = '(?:number|nummer|numéro|numero|número|num|nr|no|n°|n|номер|번호)?';
/** Four digits or more, or digits in groups ("4711-22"): "lot 3" or "los 2 días" stay as they are. */
const LOT_DIGITS = '(?:\\d{4,}(?:[-/.]\\d+)*|\\d+(?:[-/.]\\d+)+)';
const LOT_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}])${LOT_WORD}\\s?${NUMBER_WORD}[.:]?\\s?[#№]?\\s?${LOT_DIGITS}`,
  'gu',
);
/** A number written as a reference on its own: "#4711-22", "#12345" (NFKC makes № "no"). */
const HASH_NUMBER = new RegExp(`[#№]\\s?(?:\\d{3,}(?:[-/.]\\d+)*|\\d+(?:[-/.]\\d+)+)`, 'gu');
/**
 * Card, phone, order and account numbers: 6 or more digits, also when written in groups with
 * single spaces, dashes, dots or slashes between them ("4111 1111 1111 1111", "+31 6-1234 5678").
 */
const LONG_NUMBER = /\+?\d(?:[ \-./]?\d){5,}/gu;

/**
 * The form every query is stored and counted in: Unicode NFKC (full-width letters and digits
 * become ordinary ones), lower case, runs of white space made one space, trimmed. Not capped.
 */
export function normaliseQuery(text: string): string {
  return text.slice(0, maxInputLength).normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The normalised query with email addresses → `[email]`, lot numbers → `[lot]` and runs of six or
 * more digits → `[number]`, at most 200 characters. Masking runs before the cap, so an address or
 * number cut in half at the limit can never slip through unmasked.
 */
export function maskQuery(text: string): string {
  const masked = normaliseQuery(text)
    .replace(EMAIL, '[email]')
    .replace(LOT_NUMBER, '[lot]')
    .replace(HASH_NUMBER, '[lot]')
    .replace(LONG_NUMBER, '[number]');
  return Array.from(masked)
    .slice(0, maxQueryLength)
    .join('')
    .replace(/\[[a-z]*$/, '') // a placeholder the cap cut in half
    .trim();
}
