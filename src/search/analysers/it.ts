import setupItalian from 'lunr-languages/lunr.it.js';
import { useLunrLanguage } from '../lunr.ts';
import { createLatinAnalyser } from './latin.ts';

export const analyser = createLatinAnalyser('it', useLunrLanguage('it', setupItalian));
