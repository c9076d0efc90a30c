/**
 * Pagefind keeps the text it indexed and shows it back in excerpts. Russian page text is indexed
 * with ё folded to е (so счет finds счёт), which would show readers "еще" for "ещё". This puts the
 * written words back into the text Pagefind stores: each word of the indexed text is matched, in
 * order, to the next word of the page's own text that folds to it. Words stay where they were,
 * so Pagefind's word positions still point at the same words. A word with no such twin nearby
 * (text Pagefind added or left out) is kept as indexed.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** How far ahead in the page's text a word may be found (skips text Pagefind left out). */
const lookahead = 60;

export function restoreWrittenWords(
  indexed: string,
  written: string,
  normalise: (word: string) => string,
): string {
  const words = written.normalize('NFC').match(WORD) ?? [];
  let next = 0;
  return indexed.replace(WORD, (word) => {
    const end = Math.min(words.length, next + lookahead);
    for (let i = next; i < end; i++) {
      const candidate = words[i]!;
      if (candidate === word || normalise(candidate) === word) {
        next = i + 1;
        return candidate;
      }
    }
    return word;
  });
}
