import setupSpanish from 'lunr-languages/lunr.es.js';
import { useLunrLanguage } from '../lunr.ts';
import { createLatinAnalyser } from './latin.ts';

export const analyser = createLatinAnalyser('es', useLunrLanguage('es', setupSpanish));
