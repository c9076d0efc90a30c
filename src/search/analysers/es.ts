import setupSpanish from 'lunr-languages/lunr.es.js';
import { useLunrLanguage } from '../lunr.ts';
import { createLatinAnalyser } from './latin.ts';

const accented: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó' };

/**
 * Spanish verbs in the past tense end in an accented vowel (vendí, pagué, llegó, pujé) that
 * customers often type without it; the stemmer only recognises the accented ending, so the
 * accented spelling is searched too.
 */
function withFinalAccent(word: string): string[] {
  const last = word.at(-1) ?? '';
  return word.length >= 4 && accented[last] ? [word.slice(0, -1) + accented[last]] : [];
}

export const analyser = createLatinAnalyser('es', useLunrLanguage('es', setupSpanish), {
  alternates: withFinalAccent,
});
