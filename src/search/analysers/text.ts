/**
 * Text helpers shared by the analysers and the Pagefind normalisation. No stemmer import, so the
 * Pagefind normalisation can use them without downloading one.
 */

/**
 * A word is a run of letters, combining marks and digits in any script. Everything else separates
 * words, including apostrophes (l'enchère → l, enchère), hyphens (e-mail) and dots (hammerbid.com).
 */
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;
const singleLetter = /^\p{L}$/u;
const endsInsideAWord = /[\p{L}\p{M}\p{N}]$/u;

/** The words of a text in reading order, NFC-normalised and lowercased. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(wordPattern) ?? [];
}

/**
 * One letter on its own carries no meaning in the alphabetic languages (elided l', d', English
 * "a", Russian "в"), so the analysers drop it; single digits and Hangul syllables are kept.
 */
export function isSingleLetter(word: string): boolean {
  return singleLetter.test(word) && !/[\uAC00-\uD7A3]/.test(word);
}

/** Whether the text ends in the middle of a word: the visitor is probably still typing it. */
export function endsInsideWord(text: string): boolean {
  return endsInsideAWord.test(text);
}

/** Russian ё is written as е in most text; both must search the same. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/**
 * Removes accents from a Latin-script word (enchère → enchere, envío → envio, straße → strasse),
 * because visitors often type without them. Only for the Latin-script locales: decomposing would
 * split Hangul into jamo and turn Russian й into и.
 */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').normalize('NFC');
}

/** Distinct values, first occurrence first. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
