import { isLocale, locales, type Locale } from '../i18n/locales.ts';
import { loadAnalyser, type Analyser } from './analysers/index.ts';
import { buildWithDocumentIdf, lunr } from './lunr.ts';
import { fieldBoosts, queryClauses } from './suggest-query.ts';

/** An article as the suggestion index reads it. */
export interface SuggestDoc {
  /** Article id (file name), the same in every locale. Must be unique within one index. */
  id: string;
  title: string;
  description: string;
  /** Plain text of the article, markup removed. Indexed but not stored. */
  body: string;
  url: string;
  /** Section id; not used for ranking yet. */
  section?: string;
}

/** The suggestion index of one locale as JSON: written by the build, fetched by the contact page. */
export interface SerializedSuggestIndex {
  /** Format version; loading refuses any other, so a stale file fails loudly instead of subtly. */
  version: 1;
  /** The locale whose analyser built the index; queries must be analysed the same way. */
  locale: Locale;
  /** lunr's index JSON. Document refs are positions in `docs` ("0", "1"…) to keep it small. */
  index: object;
  /** What a suggestion shows, in ref order. No body text: it is only needed for indexing. */
  docs: Array<{ id: string; title: string; description: string; url: string }>;
}

/** A loaded index, ready for {@link suggestArticles}. */
export interface SuggestIndex {
  readonly locale: Locale;
  readonly analyser: Analyser;
  readonly lunrIndex: lunr.Index;
  readonly docs: SerializedSuggestIndex['docs'];
}

export interface Suggestion {
  id: string;
  title: string;
  description: string;
  url: string;
  /** lunr's relevance score; only comparable within one query. */
  score: number;
}

/**
 * Fewest letters or digits a query needs before suggestions are shown: 3, and 2 for Korean where
 * one syllable already carries what three Latin letters do (결제 is a whole word).
 */
export const minQueryLength: Record<Locale, number> = {
  en: 3,
  nl: 3,
  de: 3,
  fr: 3,
  it: 3,
  es: 3,
  ru: 3,
  ko: 2,
};

const vectorPrecision = 100;

/** Builds the suggestion index of one locale. Articles in other languages must not be passed. */
export async function buildSuggestIndex(
  locale: Locale,
  docs: SuggestDoc[],
): Promise<SerializedSuggestIndex> {
  assertLocale(locale, 'buildSuggestIndex');
  assertUniqueIds(locale, docs);
  const analyser = await loadAnalyser(locale);
  const builder = new lunr.Builder();
  // The analyser does all the work in the tokenizer, so both pipelines stay empty: the index JSON
  // then names no pipeline function, and loading it needs no lunr-languages registration.
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = Object.assign(
    (text?: unknown, metadata?: { fields?: string[] }) => {
      const value = typeof text === 'string' ? text : '';
      const terms =
        metadata?.fields?.[0] === 'words'
          ? analyser.surfaceTerms(value)
          : analyser.indexTerms(value);
      return terms.map((term) => new lunr.Token(term, {}));
    },
    { separator: lunr.tokenizer.separator },
  );
  builder.ref('ref');
  for (const [field, boost] of Object.entries(fieldBoosts)) builder.field(field, { boost });
  docs.forEach((doc, position) =>
    builder.add({
      ref: String(position),
      title: doc.title,
      description: doc.description,
      body: doc.body,
      words: `${doc.title}\n${doc.description}`,
    }),
  );
  return {
    version: 1,
    locale,
    index: roundFieldVectors(buildWithDocumentIdf(builder).toJSON()),
    docs: docs.map(({ id, title, description, url }) => ({ id, title, description, url })),
  };
}

/** Loads a serialized index (after JSON.parse) and the analyser of its locale. */
export async function loadSuggestIndex(data: SerializedSuggestIndex): Promise<SuggestIndex> {
  const where = 'loadSuggestIndex';
  if (data?.version !== 1) {
    throw new Error(
      `${where}: expected a suggestion index with version 1, got ${JSON.stringify(data?.version)}; ` +
        'rebuild the site so /suggest/<locale>.json matches this code.',
    );
  }
  assertLocale(data.locale, where);
  if (!Array.isArray(data.docs) || typeof data.index !== 'object' || data.index === null) {
    throw new Error(
      `${where}: the "${data.locale}" index needs "index" (lunr JSON) and "docs" (an array); ` +
        'rebuild it with buildSuggestIndex.',
    );
  }
  return {
    locale: data.locale,
    analyser: await loadAnalyser(data.locale),
    lunrIndex: lunr.Index.load(data.index),
    docs: data.docs,
  };
}

/**
 * Up to `limit` articles for what a visitor has typed so far, best first. Any input is safe: the
 * query is built term by term, never parsed, so lunr syntax (: ~ ^ + - *) is just punctuation.
 * Returns [] for queries shorter than {@link minQueryLength} or made only of stop words. Only the
 * first 32 meaningful words count, so a whole ticket message can be passed.
 */
export function suggestArticles(index: SuggestIndex, query: string, limit = 5): Suggestion[] {
  if (limit <= 0 || countWordCharacters(query) < minQueryLength[index.locale]) return [];
  const clauses = queryClauses(index.lunrIndex, index.analyser, query);
  if (clauses.length === 0) return [];
  const results = index.lunrIndex.query((q) => {
    // lunr writes into the clause it is given, so it gets a copy.
    for (const clause of clauses) q.term(clause.term, { ...clause });
  });
  const suggestions: Suggestion[] = [];
  for (const { ref, score } of results) {
    const doc = index.docs[Number(ref)];
    if (doc) suggestions.push({ ...doc, score });
    if (suggestions.length === limit) break;
  }
  return suggestions;
}

function countWordCharacters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/**
 * Field vector weights to 2 decimals: lunr writes 17 digits, and the rounding makes the English
 * index 30% smaller (40% gzipped) while no weight moves by more than 0.005.
 */
function roundFieldVectors(index: object): object {
  const json = index as { fieldVectors?: Array<[string, number[]]> };
  json.fieldVectors = json.fieldVectors?.map(([ref, vector]) => [
    ref,
    vector.map((value, i) =>
      i % 2 === 1 ? Math.round(value * vectorPrecision) / vectorPrecision : value,
    ),
  ]);
  return index;
}

function assertLocale(locale: unknown, where: string): asserts locale is Locale {
  if (!isLocale(locale)) {
    throw new Error(
      `${where}: "${String(locale)}" is not a locale of the help centre; ` +
        `expected one of ${locales.join(', ')} (src/i18n/locales.ts).`,
    );
  }
}

function assertUniqueIds(locale: Locale, docs: SuggestDoc[]) {
  const seen = new Map<string, number>();
  docs.forEach((doc, position) => {
    const earlier = seen.get(doc.id);
    if (earlier !== undefined) {
      throw new Error(
        `buildSuggestIndex(${locale}): documents ${earlier} and ${position} both have the id ` +
          `"${doc.id}"; each article must appear once per locale (check content/articles/${locale}/).`,
      );
    }
    seen.set(doc.id, position);
  });
}
