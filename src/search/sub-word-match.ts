/**
 * Pagefind answers a word it does not know by splitting it into words it does: good for German
 * compounds (Käuferaufgeld → käufer + aufgeld), harmful when a part is tiny and everywhere. A
 * Korean verb 내나요 ("do I pay") splits into 내 ("my"), and every article about "my account"
 * answers a question about who pays for shipping. A match that does not start with the searched
 * word is such a split; it is kept only when the part found is long enough to mean something.
 */

/** The shortest part of a split word that still says something, in characters. */
const minimumPart = { hangul: 2, other: 4 } as const;

/** The shortest start of a word that can be its stem (bid, get). */
const minimumStem = 3;

const hangul = /[\uAC00-\uD7A3]/;

/** Lower case, no punctuation around it: how a word of Pagefind's content compares. */
function bare(word: string): string {
  return word.toLocaleLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * Whether a text match of `searched` on the word `found` (the word of the article text at the
 * match's position) is a meaningless part of a split word, so the match should not count.
 */
export function isMeaninglessSplit(searched: string, found: string): boolean {
  const term = bare(searched);
  const word = bare(found);
  // A prefix of the article's word is Pagefind's prefix search; a word not inside the searched
  // one is its stemming. Only a part of the searched word is a split.
  if (!term || !word || word.startsWith(term) || !term.includes(word)) return false;
  if (hangul.test(word)) return [...word].length < minimumPart.hangul;
  // In alphabetic scripts the start of a word may be its stem (getting → get, three letters or
  // more); a shorter start (абракадабра → а) or a short part from further in (notawordbid →
  // bid) is a split.
  const length = [...word].length;
  return term.startsWith(word) ? length < minimumStem : length < minimumPart.other;
}
