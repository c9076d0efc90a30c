import setupFrench from 'lunr-languages/lunr.fr.js';
import { useLunrLanguage } from '../lunr.ts';
import { createLatinAnalyser } from './latin.ts';

export const analyser = createLatinAnalyser('fr', useLunrLanguage('fr', setupFrench));
