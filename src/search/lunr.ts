import addStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';

/**
 * The Snowball stemmers and stop word lists of lunr-languages, without lunr itself. The
 * lunr-languages files are CommonJS/UMD functions that take a lunr object and add `lunr.<lang>`
 * to it; all they need at that moment is a place to register pipeline functions and lunr's stop
 * word filter factory. Search never builds a lunr index, so this small host stands in for lunr
 * and the browser does not download it (10 KiB gzip). Node ESM and Vite both import the
 * lunr-languages files through their CommonJS interop.
 */
type LunrPlugin = (target: SnowballHost) => void;

/** A stemmer or a stop word filter: takes a word, returns it (changed) or nothing to drop it. */
export type WordFunction = (word: string) => string | undefined;

/** What a lunr-languages language adds that the analysers use. */
export interface LunrLanguage {
  stemmer: WordFunction;
  stopWordFilter: WordFunction;
  /** The words of stopWordFilter, so an analyser can also compare them without accents. */
  stopWords: readonly string[];
}

interface SnowballHost {
  Pipeline: { registerFunction(fn: unknown, label: string): void };
  generateStopWordFilter(words: string[]): WordFunction;
  [language: string]: unknown;
}

const stopWordsByLanguage = new Map<string, string[]>();
let registering = '';

const host: SnowballHost = {
  // lunr keeps its pipeline functions by label for serialised indexes; there are none here.
  Pipeline: { registerFunction: () => {} },
  generateStopWordFilter(words: string[]) {
    stopWordsByLanguage.set(registering, words);
    const stop = new Set(words);
    return (word) => (stop.has(word) ? undefined : word);
  },
};
(addStemmerSupport as LunrPlugin)(host);

/** Adds a lunr-languages language once and returns what it added. */
export function useLunrLanguage(code: string, plugin: LunrPlugin): LunrLanguage {
  if (!host[code]) {
    registering = code;
    plugin(host);
  }
  const language = host[code] as Partial<LunrLanguage> | undefined;
  if (typeof language?.stemmer !== 'function' || typeof language.stopWordFilter !== 'function') {
    throw new Error(
      `src/search/lunr.ts: lunr-languages did not add ${code}.stemmer and stopWordFilter; ` +
        'check that lunr-languages 1.x is installed and the plugin file matches the language code.',
    );
  }
  return {
    stemmer: language.stemmer,
    stopWordFilter: language.stopWordFilter,
    stopWords: stopWordsByLanguage.get(code) ?? [],
  };
}

/** Runs a stemmer or stop word filter on one word (lunr-languages' functions take plain strings). */
export function runOnWord(fn: WordFunction, word: string): string | undefined {
  const result: unknown = fn(word);
  return result == null ? undefined : String(result);
}
