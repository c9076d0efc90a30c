import { lunr } from '../lunr.ts';
import { createLatinAnalyser } from './latin.ts';

/** English uses lunr's built-in Porter stemmer and stop words: nothing extra to download. */
export const analyser = createLatinAnalyser('en', {
  stemmer: lunr.stemmer,
  stopWordFilter: lunr.stopWordFilter,
  // English has no accents to fold; the filter alone decides.
  stopWords: [],
});
