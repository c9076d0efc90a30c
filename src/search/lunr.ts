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
}

const languages = lunr as unknown as Record<string, LunrLanguage | undefined>;

// Guarded so a second evaluation of this module (test isolation, HMR) does not re-register
// lunr's pipeline functions, which lunr reports as a warning.
if (!('stemmerSupport' in lunr)) (addStemmerSupport as LunrPlugin)(lunr);

/** Adds a lunr-languages language to lunr once and returns what it added. */
export function useLunrLanguage(code: string, plugin: LunrPlugin): LunrLanguage {
  if (!languages[code]) plugin(lunr);
  const language = languages[code];
  if (!language?.stemmer || !language.stopWordFilter) {
    throw new Error(
      `src/search/lunr.ts: lunr-languages did not add lunr.${code}.stemmer and stopWordFilter; ` +
        'check that lunr-languages 1.x is installed and the plugin file matches the language code.',
    );
  }
  return language;
}

/** Runs a lunr pipeline function (stemmer, stop word filter) on one word. */
export function runOnWord(fn: lunr.PipelineFunction, word: string): string | undefined {
  const result: unknown = fn(new lunr.Token(word, {}), 0, []);
  return result == null ? undefined : String(result);
}

type Posting = Record<string, Record<string, unknown> | number>;
const lunrIdf = lunr as unknown as { idf: (posting: Posting, documentCount: number) => number };

/**
 * Builds the index with BM25's inverse document frequency counted over documents. lunr 2.3.9
 * counts a term once per field it occurs in, so with several fields a term in half the articles'
 * titles and bodies scores like one in none (and abs() makes the commonest terms rise again):
 * "payment" in a title weighed 0.09 against 8 for a rare word. Swapped only while building, which
 * is synchronous, and restored even if building fails.
 */
export function buildWithDocumentIdf(builder: lunr.Builder): lunr.Index {
  const fieldIdf = lunrIdf.idf;
  lunrIdf.idf = (posting, documentCount) => {
    const documents = new Set<string>();
    for (const [field, refs] of Object.entries(posting)) {
      if (field !== '_index' && typeof refs === 'object') {
        for (const ref of Object.keys(refs)) documents.add(ref);
      }
    }
    return Math.log(1 + (documentCount - documents.size + 0.5) / (documents.size + 0.5));
  };
  try {
    return builder.build();
  } finally {
    lunrIdf.idf = fieldIdf;
  }
}

export { lunr };
