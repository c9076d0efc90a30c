import type { Locale } from '../../i18n/locales.ts';

/** One word of a query, in the forms the suggestion index is searched with. */
export interface QueryWord {
  /**
   * The forms an index term must equal: stemmed, folded and particle-free, as indexed. Usually one;
   * two where removing accents changes the stem (devolución → devolu, devolucion).
   */
  readonly terms: readonly string[];
  /** The word as typed, normalised (lowercase, folded, particle-free) but not stemmed. */
  readonly surface: string;
  /**
   * The forms an index term may start with, used for the word the visitor is still typing
   * ("paym" → payment). Not stemmed, since a half-typed word does not stem like the whole one.
   */
  readonly prefixes: readonly string[];
  /**
   * Other spellings the visitor probably meant (vendi → vendí), searched in the article text as
   * well; their stems are already among `terms`.
   */
  readonly alternates: readonly string[];
}

/**
 * How one language turns text into index terms and queries into search terms: tokenizer,
 * normaliser, trimmer, stop words and stemmer in one place, applied the same way to articles and
 * to what the visitor types.
 */
export interface Analyser {
  readonly locale: Locale;
  /**
   * Whether query terms should also match inside longer index terms, for languages that write
   * compounds as one word (German Versandkosten, Dutch verzendkosten).
   */
  readonly compounds: boolean;
  /** The index terms of a text in reading order, repeats kept (they count as term frequency). */
  indexTerms(text: string): string[];
  /**
   * The same terms, each with the position of its word among all the words of the text (stop
   * words counted), for how near two searched words stand.
   */
  positionedTerms(text: string): Array<{ term: string; position: number }>;
  /**
   * The words of a text as typed (normalised, not stemmed), for matching a half-typed word: the
   * stem of "bidding" is "bid", which no prefix "bidd…" reaches.
   */
  surfaceTerms(text: string): string[];
  /** The meaningful words of a query in order; stop words and punctuation are dropped. */
  queryWords(text: string): QueryWord[];
}

/** The language-specific steps an analyser is made of. */
export interface AnalyserSteps {
  readonly locale: Locale;
  readonly compounds?: boolean;
  /** Splits and normalises a text into words (NFC, lowercase, language folding, particles). */
  words(text: string): string[];
  isStopWord(word: string): boolean;
  /** The index forms of one word (after stop words are removed). */
  stems(word: string): string[];
  /** The unstemmed form of one word (accents folded where the stems are folded). */
  surface(word: string): string;
  /** The prefix forms of one word, for the word still being typed. */
  prefixes(word: string): string[];
  /** Spellings a visitor may have meant, for queries only (not applied to the article text). */
  alternates?(word: string): string[];
}

/**
 * Words per analyser whose stems and stop-word answer are remembered. A language's articles use a
 * few ten thousand distinct words millions of times: stemming each occurrence again was most of
 * the indexing step at 10,000 pages.
 */
const rememberedWords = 50_000;

export function remembered<T>(answer: (word: string) => T): (word: string) => T {
  const answers = new Map<string, T>();
  return (word) => {
    let known = answers.get(word);
    if (known === undefined && !answers.has(word)) {
      if (answers.size >= rememberedWords) answers.clear();
      answers.set(word, (known = answer(word)));
    }
    return known as T;
  };
}

export function createAnalyser(analyserSteps: AnalyserSteps): Analyser {
  // The steps are pure functions of one word; their answers are shared (never mutated).
  const steps: AnalyserSteps = {
    ...analyserSteps,
    isStopWord: remembered(analyserSteps.isStopWord),
    stems: remembered(analyserSteps.stems),
  };
  const meaningfulWords = (text: string) =>
    steps.words(text).filter((word) => !steps.isStopWord(word));
  return {
    locale: steps.locale,
    compounds: steps.compounds ?? false,
    indexTerms: (text) => meaningfulWords(text).flatMap((word) => steps.stems(word)),
    positionedTerms: (text) =>
      steps
        .words(text)
        .flatMap((word, position) =>
          steps.isStopWord(word) ? [] : steps.stems(word).map((term) => ({ term, position })),
        ),
    surfaceTerms: (text) => meaningfulWords(text).map((word) => steps.surface(word)),
    queryWords: (text) =>
      meaningfulWords(text).map((word) => {
        const alternates = steps.alternates?.(word) ?? [];
        const terms = [...new Set([...steps.stems(word), ...alternates.flatMap(steps.stems)])];
        return { terms, surface: steps.surface(word), prefixes: steps.prefixes(word), alternates };
      }),
  };
}
