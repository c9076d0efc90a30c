import setupGerman from 'lunr-languages/lunr.de.js';
import { useLunrLanguage } from '../lunr.ts';
import { createLatinAnalyser } from './latin.ts';

/** German writes compounds as one word (Versandkosten): query terms also match inside them. */
export const analyser = createLatinAnalyser('de', useLunrLanguage('de', setupGerman), {
  compounds: true,
});
