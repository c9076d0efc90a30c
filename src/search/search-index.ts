/**
 * The search index of one locale: what every article is called and described as in the reader's
 * language (title, keywords, labels, description), with the metadata a result card and the
 * filters need. Written by the build as /search/<locale>.json; the browser fuses it with
 * Pagefind's index of the article text, and the service uses the "full" variant, which also holds
 * the text, to suggest articles for tickets. Both run the same query code (search.ts).
 */
import { isLocale, locales, type Locale } from '../i18n/locales.ts';
import type { Analyser } from './analysers/index.ts';
import type { SynonymRule } from './synonyms.ts';

/** Format version; loading refuses any other, so a stale file fails loudly. */
export const searchIndexVersion = 2;

/** Indexed fields, in the order of the numbers in postings and lengths. */
export const searchFields = ['title', 'keywords', 'labels', 'description', 'body'] as const;
export type SearchField = (typeof searchFields)[number];

/**
 * What a match in each field says about the article: the title names what it answers; keywords
 * (customers' words the text does not use) and the description summarise it about equally,
 * labels a little less; the text only confirms.
 */
export const fieldWeights: Record<SearchField, number> = {
  title: 8,
  keywords: 5,
  labels: 3,
  description: 4,
  body: 1,
};

/** An article as search shows it. */
export interface SearchDoc {
  id: string;
  title: string;
  description: string;
  url: string;
  section: string;
  audience: 'buyers' | 'sellers' | 'both';
  /** Set when the text behind the link is English on a page of another locale. */
  english?: true;
  /** Pagefind's id for the article's page in this locale's bundle; absent when not indexed there. */
  page?: string;
}

export interface SerializedSearchIndex {
  version: typeof searchIndexVersion;
  locale: Locale;
  /** Whether the article text is indexed here (the service's variant) or left to Pagefind. */
  withBody: boolean;
  docs: SearchDoc[];
  /** Section id → its title and category id, in this locale (for result trails and filters). */
  sections: Record<string, { title: string; category: string }>;
  /** Category id → its title in this locale. */
  categories: Record<string, string>;
  /** Index term → postings as flat triples: document position, field number, term frequency. */
  terms: Record<string, number[]>;
  /** Unstemmed words of titles, keywords and labels → documents: for the word still being typed. */
  words: Record<string, number[]>;
  /** Per field, per document: the number of terms (for length normalisation). */
  lengths: number[][];
  /** The locale's synonyms, as written; analysed when the index is loaded. */
  synonyms: SynonymRule[];
}

/** An article as the build hands it to the index. */
export interface IndexSource extends Omit<SearchDoc, 'english'> {
  keywords: string[];
  labels: string[];
  english: boolean;
  /** Plain text of the article, only for the service's variant. */
  body?: string;
}

export interface IndexInput {
  locale: Locale;
  analyser: Analyser;
  articles: IndexSource[];
  sections: SerializedSearchIndex['sections'];
  categories: SerializedSearchIndex['categories'];
  synonyms: SynonymRule[];
  withBody: boolean;
}

export function buildSearchIndex(input: IndexInput): SerializedSearchIndex {
  if (!isLocale(input.locale))
    throw new Error(
      `buildSearchIndex: "${String(input.locale)}" is not a locale; expected one of ${locales.join(', ')}`,
    );
  const seen = new Set<string>();
  for (const article of input.articles) {
    if (seen.has(article.id))
      throw new Error(
        `buildSearchIndex(${input.locale}): the article "${article.id}" is listed twice; each article appears once per locale`,
      );
    seen.add(article.id);
  }
  const { analyser } = input;
  const terms = new Map<string, number[]>();
  const words = new Map<string, Set<number>>();
  const lengths = searchFields.map(() => input.articles.map(() => 0));
  input.articles.forEach((article, doc) => {
    const texts: Record<SearchField, string> = {
      title: article.title,
      keywords: article.keywords.join('\n'),
      // Labels are written as slugs (bank-account): their words count.
      labels: article.labels.map((label) => label.replace(/-/g, ' ')).join('\n'),
      description: article.description,
      body: input.withBody ? (article.body ?? '') : '',
    };
    searchFields.forEach((field, fieldNumber) => {
      const fieldTerms = analyser.indexTerms(texts[field]);
      lengths[fieldNumber]![doc] = fieldTerms.length;
      const counts = new Map<string, number>();
      for (const term of fieldTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let postings = terms.get(term);
        if (!postings) terms.set(term, (postings = []));
        postings.push(doc, fieldNumber, count);
      }
    });
    for (const word of analyser.surfaceTerms(`${texts.title}\n${texts.keywords}\n${texts.labels}`)) {
      let docs = words.get(word);
      if (!docs) words.set(word, (docs = new Set()));
      docs.add(doc);
    }
  });
  return {
    version: searchIndexVersion,
    locale: input.locale,
    withBody: input.withBody,
    docs: input.articles.map(({ id, title, description, url, section, audience, english, page }) => ({
      id,
      title,
      description,
      url,
      section,
      audience,
      ...(english ? { english: true as const } : {}),
      ...(page ? { page } : {}),
    })),
    sections: input.sections,
    categories: input.categories,
    terms: Object.fromEntries(terms),
    words: Object.fromEntries([...words].map(([word, docs]) => [word, [...docs]])),
    lengths,
    synonyms: input.synonyms,
  };
}

/** Checks what was fetched or read is an index this code understands, with a fix when not. */
export function assertSearchIndex(data: unknown, where: string): asserts data is SerializedSearchIndex {
  const index = data as Partial<SerializedSearchIndex> | null;
  if (index?.version !== searchIndexVersion)
    throw new Error(
      `${where}: expected a search index with version ${searchIndexVersion}, got ${JSON.stringify(index?.version)}; rebuild the site (npm run build) so /search/<locale>.json matches this code`,
    );
  if (!isLocale(index.locale) || !Array.isArray(index.docs) || typeof index.terms !== 'object')
    throw new Error(`${where}: the search index is incomplete; rebuild the site (npm run build)`);
}
