import type { Locale } from '../../i18n/locales.ts';
import { runOnWord, type LunrLanguage } from '../lunr.ts';
import { createAnalyser, type Analyser } from './analyser.ts';
import { questionWords } from './question-words.ts';
import { foldAccents, isSingleLetter, unique, wordsOf } from './text.ts';

/**
 * An analyser for a Latin-script language with a Snowball stemmer: English, Dutch, German,
 * French, Italian, Spanish. Accents are folded so "enchere" finds "enchère". Each word is
 * indexed as stem-then-fold and as fold-then-stem, because the stemmers only recognise some
 * suffixes with their accent (devolución → devolu, devolucion → devolucion): the second form
 * makes the unaccented spelling match, the first keeps singular and plural together.
 */
export function createLatinAnalyser(
  locale: Locale,
  language: LunrLanguage,
  options: { compounds?: boolean; alternates?: (word: string) => string[] } = {},
): Analyser {
  const stem = (word: string) => runOnWord(language.stemmer, word) ?? word;
  // Compared without accents: customers type "mas" for "más" and "todavia" for "todavía".
  const stopWords = new Set(
    [...language.stopWords, ...(questionWords[locale] ?? '').split(' ')].filter(Boolean).map(foldAccents),
  );
  const stems = (word: string) => unique([foldAccents(stem(word)), stem(foldAccents(word))]);
  return createAnalyser({
    locale,
    compounds: options.compounds ?? false,
    words: (text) => wordsOf(text).filter((word) => !isSingleLetter(word)),
    isStopWord: (word) =>
      runOnWord(language.stopWordFilter, word) === undefined || stopWords.has(foldAccents(word)),
    stems,
    surface: foldAccents,
    prefixes: (word) => unique([foldAccents(word), ...stems(word)]),
    ...(options.alternates ? { alternates: options.alternates } : {}),
  });
}
