import lunr from 'lunr';
import addStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';

/**
 * The one lunr instance of the app, with lunr-languages' stemmer support added once. The
 * lunr-languages files are CommonJS/UMD functions that take lunr and add `lunr.<lang>` to it; the
 * default import works in Node ESM (CommonJS interop) and in Vite (pre-bundled to ESM).
 */
type LunrPlugin = (target: typeof lunr) => void;

/** What a lunr-languages language adds to lunr that the analysers use. */
export interface LunrLanguage {
  stemmer: lunr.PipelineFunction;
  stopWordFilter: lunr.PipelineFunction;
  /** The words of stopWordFilter, so an analyser can also compare them without accents. */
  stopWords: readonly string[];
}

const languages = lunr as unknown as Record<string, LunrLanguage | undefined>;

// Guarded so a second evaluation of this module (test isolation, HMR) does not re-register
// lunr's pipeline functions, which lunr reports as a warning.
if (!('stemmerSupport' in lunr)) (addStemmerSupport as LunrPlugin)(lunr);

/** Adds a lunr-languages language to lunr once and returns what it added. */
export function useLunrLanguage(code: string, plugin: LunrPlugin): LunrLanguage {
  if (!languages[code]) {
    // lunr keeps a language's stop words inside its filter; catch the list as the plugin hands it over.
    const generate = lunr.generateStopWordFilter;
    lunr.generateStopWordFilter = (words: string[]) => {
      stopWordsByLanguage.set(code, words);
      return generate(words);
    };
    try {
      plugin(lunr);
    } finally {
      lunr.generateStopWordFilter = generate;
    }
  }
  const language = languages[code];
  if (!language?.stemmer || !language.stopWordFilter) {
    throw new Error(
      `src/search/lunr.ts: lunr-languages did not add lunr.${code}.stemmer and stopWordFilter; ` +
        'check that lunr-languages 1.x is installed and the plugin file matches the language code.',
    );
  }
  return { ...language, stopWords: stopWordsByLanguage.get(code) ?? [] };
}

const stopWordsByLanguage = new Map<string, string[]>();

/** Runs a lunr pipeline function (stemmer, stop word filter) on one word. */
export function runOnWord(fn: lunr.PipelineFunction, word: string): string | undefined {
  const result: unknown = fn(new lunr.Token(word, {}), 0, []);
  return result == null ? undefined : String(result);
}

export { lunr };
