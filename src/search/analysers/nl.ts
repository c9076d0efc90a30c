import setupDutch from 'lunr-languages/lunr.nl.js';
import { useLunrLanguage } from '../lunr.ts';
import { createLatinAnalyser } from './latin.ts';

/**
 * Dutch writes compounds as one word (verzendkosten): query terms also match inside them.
 * lunr.nl is the current Dutch stemmer; lunr.du is its deprecated predecessor.
 */
export const analyser = createLatinAnalyser('nl', useLunrLanguage('nl', setupDutch), {
  compounds: true,
});
