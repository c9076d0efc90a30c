import setupRussian from 'lunr-languages/lunr.ru.js';
import { stemmer as englishStemmer } from 'stemmer';
import { runOnWord, useLunrLanguage } from '../lunr.ts';
import { createAnalyser } from './analyser.ts';
import { foldYo, isSingleLetter, unique, wordsOf } from './text.ts';

const russian = useLunrLanguage('ru', setupRussian);
const cyrillic = /\p{Script=Cyrillic}/u;
const stem = (word: string) =>
  (cyrillic.test(word) ? runOnWord(russian.stemmer, word) : englishStemmer(word)) ?? word;

/**
 * Russian: ё folded to е before anything else (счёт = счет), Snowball stemmer and stop words for
 * Cyrillic words. lunr.ru's trimmer would delete Latin words, so it is not used: product and
 * brand names (PayPal, Visa, iPhone) are kept and stemmed with the English stemmer.
 */
export const analyser = createAnalyser({
  locale: 'ru',
  words: (text) => wordsOf(foldYo(text)).filter((word) => !isSingleLetter(word)),
  isStopWord: (word) =>
    cyrillic.test(word) && runOnWord(russian.stopWordFilter, word) === undefined,
  stems: (word) => [stem(word)],
  surface: (word) => word,
  prefixes: (word) => unique([word, stem(word)]),
});
