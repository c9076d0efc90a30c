import { stemmer } from 'stemmer';
import { createLatinAnalyser } from './latin.ts';

/**
 * lunr's English stop words (the list lunr 2 ships, MIT): short function words that never name a
 * topic. Question fillers beyond them are in question-words.ts.
 */
const englishStopWords = (
  'a able about across after all almost also am among an and any are as at be because been but ' +
  'by can cannot could dear did do does either else ever every for from get got had has have he ' +
  'her hers him his how however i if in into is it its just least let like likely may me might ' +
  'most must my neither no nor not of off often on only or other our own rather said say says she ' +
  'should since so some than that the their them then there these they this tis to too twas us ' +
  'wants was we were what when where which while who whom why will with would yet you your'
).split(' ');
const stop = new Set(englishStopWords);

/** English: the Porter stemmer (the `stemmer` package, 2 KiB) and lunr's stop words. */
export const analyser = createLatinAnalyser('en', {
  stemmer: stemmer,
  stopWordFilter: (word) => (stop.has(word) ? undefined : word),
  stopWords: englishStopWords,
});
