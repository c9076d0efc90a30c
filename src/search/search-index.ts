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

/**
 * Format version; loading refuses any other, so a stale file fails loudly. 3: postings and word
 * lists hold gaps between document numbers, and addresses are left to `articlePath` (the index of
 * 1,250 articles went from 97 to about 40 KiB gzip). Since then the browser's variant leaves the
 * descriptions to files of their own (DescriptionShards), which needs no new version: code reads
 * a description from the index when it is there, and from its file when not.
 */
export const searchIndexVersion = 3;

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
  /** Absent in the browser's variant, which fetches it for the results shown (descriptionFile). */
  description?: string;
  url: string;
  section: string;
  audience: 'buyers' | 'sellers' | 'both';
  /** Set when the text behind the link is English on a page of another locale. */
  english?: true;
  /** Pagefind's id for the article's page in this locale's bundle; absent when not indexed there. */
  page?: string;
}

/**
 * The articles as the index file stores them: one list per property, in document order (alike
 * values side by side compress better than objects: a fifth less for 1,250 articles), without
 * addresses, which follow from the ids.
 */
export interface StoredDocs {
  id: string[];
  title: string[];
  /** The service's variant only; the browser's has {@link DescriptionShards}. */
  description?: string[];
  section: string[];
  audience: Array<SearchDoc['audience']>;
  /** Pagefind page ids; '' where the article is not in the locale's Pagefind bundle. */
  page: string[];
  /** Positions of the articles whose text is English on this locale's pages. */
  english: number[];
}

/**
 * The index as loaded: addresses filled in, postings and word lists with document numbers (the
 * file holds gaps between them, see {@link SerializedSearchIndex}).
 */
export interface SearchIndexData extends Omit<SerializedSearchIndex, 'docs'> {
  docs: SearchDoc[];
}

export interface SerializedSearchIndex {
  version: typeof searchIndexVersion;
  locale: Locale;
  /** Whether the article text is indexed here (the service's variant) or left to Pagefind. */
  withBody: boolean;
  /** Where this locale's articles are: an article's address is this, its id and a slash. */
  articlePath: string;
  docs: StoredDocs;
  /** Section id → its title and category id, in this locale (for result trails and filters). */
  sections: Record<string, { title: string; category: string }>;
  /** Category id → its title in this locale. */
  categories: Record<string, string>;
  /**
   * Index term → postings as flat triples: document, field number, term frequency, in document
   * order. In the file the document is the gap from the previous triple's (the first: itself).
   */
  terms: Record<string, number[]>;
  /**
   * Unstemmed words of titles, keywords and labels → documents, ascending (in the file: gaps):
   * for the word still being typed.
   */
  words: Record<string, number[]>;
  /** Per field, per document: the number of terms (for length normalisation). */
  lengths: number[][];
  /** The locale's synonyms, as written; analysed when the index is loaded. */
  synonyms: SynonymRule[];
  /** The browser's variant only: where the descriptions are. */
  descriptions?: DescriptionShards;
  /**
   * The service's variant only: where each term stands in the article text, per document, as
   * flat runs: document (in the file: gap from the previous run's), count, then the word
   * positions (in the file: gaps). Lets the service rank near words higher, as Pagefind's
   * positions do in the browser.
   */
  positions?: Record<string, number[]>;
}

/**
 * The browser's variant leaves the descriptions out: a result card shows the passage of the text
 * that matched, and a description only for a result matched by its title or keywords alone, so a
 * page fetches the few it shows. At 1,250 articles they were a quarter of the index (8 KiB of
 * 32 in Russian). `size` descriptions in document order a file, named by `version` (a hash of
 * them all), so a page never mixes two builds' files: see {@link descriptionFile}.
 */
export interface DescriptionShards {
  version: string;
  size: number;
}

/** Articles per description file: about 0.3–0.5 KiB compressed at the sample's length. */
export const descriptionShardSize = 16;

/** Where, under /search/, the descriptions of the article at `position` are. */
export function descriptionFile(
  locale: Locale,
  shards: DescriptionShards,
  position: number,
): { file: string; offset: number } {
  const shard = Math.floor(position / shards.size);
  return {
    file: `${locale}.descriptions.${shards.version}.${shard}.json`,
    offset: position - shard * shards.size,
  };
}

/** The description files of a locale's articles: file name → descriptions, in document order. */
export function descriptionFiles(
  locale: Locale,
  descriptions: readonly string[],
): { shards: DescriptionShards; files: Map<string, string[]> } {
  const shards = {
    version: fingerprint(JSON.stringify(descriptions)),
    size: descriptionShardSize,
  };
  const files = new Map<string, string[]>();
  for (let position = 0; position < descriptions.length; position += shards.size)
    files.set(
      descriptionFile(locale, shards, position).file,
      descriptions.slice(position, position + shards.size),
    );
  return { shards, files };
}

/**
 * 40 bits of two FNV-1a hashes of a text, as hex: enough to tell one build's files from
 * another's, not for security. (This module runs in browsers too: no node:crypto.)
 */
function fingerprint(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(first)}${hex(second).slice(0, 2)}`;
}

/** An article as the build hands it to the index. */
export interface IndexSource extends Omit<SearchDoc, 'english' | 'description'> {
  description: string;
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
  return assembleIndex(input, analyseArticles(input, input.withBody), input.withBody);
}

/**
 * Both variants of a locale's index, the browser's and the service's (with the text), from one
 * analysis of every article: stemming is most of the indexing time of a big site.
 */
export function buildSearchIndexes(input: Omit<IndexInput, 'withBody'>): {
  browser: SerializedSearchIndex;
  full: SerializedSearchIndex;
} {
  return prepareSearchIndexes(input).assemble(input.articles);
}

/**
 * The analysis of {@link buildSearchIndexes} now, the files later: the build analyses while
 * Pagefind indexes the pages, then adds Pagefind's page ids (which change no term) to the same
 * articles, in the same order.
 */
export function prepareSearchIndexes(input: Omit<IndexInput, 'withBody'>): {
  assemble(articles: IndexSource[]): {
    browser: SerializedSearchIndex;
    full: SerializedSearchIndex;
  };
} {
  const analysed = analyseArticles(input, true);
  return {
    assemble(articles) {
      if (
        articles.length !== input.articles.length ||
        articles.some((a, i) => a.id !== input.articles[i]!.id)
      )
        throw new Error(
          `prepareSearchIndexes(${input.locale}): assemble got other articles than were analysed`,
        );
      const withPages = { ...input, articles };
      return {
        browser: assembleIndex(withPages, analysed, false),
        full: assembleIndex(withPages, analysed, true),
      };
    },
  };
}

interface AnalysedArticle {
  /** Index terms per field, in field order. */
  fields: string[][];
  /** Unstemmed words of title, keywords and labels. */
  surface: string[];
  /** Positions of each term in the text (word numbers), with the text indexed. */
  positions: Map<string, number[]>;
}

function analyseArticles(
  input: Omit<IndexInput, 'withBody'>,
  withBody: boolean,
): AnalysedArticle[] {
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
  return input.articles.map((article) => {
    const texts: Record<SearchField, string> = {
      title: article.title,
      keywords: article.keywords.join('\n'),
      // Labels are written as slugs (bank-account): their words count.
      labels: article.labels.map((label) => label.replace(/-/g, ' ')).join('\n'),
      description: article.description,
      body: withBody ? (article.body ?? '') : '',
    };
    const positions = new Map<string, number[]>();
    for (const { term, position } of analyser.positionedTerms(texts.body)) {
      const list = positions.get(term);
      if (list) list.push(position);
      else positions.set(term, [position]);
    }
    return {
      fields: searchFields.map((field) =>
        field === 'body'
          ? [...positions].flatMap(([term, at]) => at.map(() => term))
          : analyser.indexTerms(texts[field]),
      ),
      surface: analyser.surfaceTerms(`${texts.title}\n${texts.keywords}\n${texts.labels}`),
      positions,
    };
  });
}

function assembleIndex(
  input: Omit<IndexInput, 'withBody'>,
  analysed: AnalysedArticle[],
  withBody: boolean,
): SerializedSearchIndex {
  const terms = new Map<string, number[]>();
  const words = new Map<string, Set<number>>();
  const lengths = searchFields.map(() => input.articles.map(() => 0));
  const bodyField = searchFields.indexOf('body');
  analysed.forEach((article, doc) => {
    article.fields.forEach((fieldTerms, fieldNumber) => {
      if (fieldNumber === bodyField && !withBody) return;
      lengths[fieldNumber]![doc] = fieldTerms.length;
      const counts = new Map<string, number>();
      for (const term of fieldTerms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let postings = terms.get(term);
        if (!postings) terms.set(term, (postings = []));
        postings.push(doc, fieldNumber, count);
      }
    });
    for (const word of article.surface) {
      let docs = words.get(word);
      if (!docs) words.set(word, (docs = new Set()));
      docs.add(doc);
    }
  });
  return {
    version: searchIndexVersion,
    locale: input.locale,
    withBody,
    articlePath: articlePathOf(input.locale, input.articles),
    docs: {
      id: input.articles.map((a) => a.id),
      title: input.articles.map((a) => a.title),
      ...(withBody ? { description: input.articles.map((a) => a.description) } : {}),
      section: input.articles.map((a) => a.section),
      audience: input.articles.map((a) => a.audience),
      page: input.articles.map((a) => a.page ?? ''),
      english: input.articles.flatMap((a, position) => (a.english ? [position] : [])),
    },
    sections: input.sections,
    categories: input.categories,
    terms: Object.fromEntries(
      [...terms].map(([term, postings]) => [term, gapsOfPostings(postings)]),
    ),
    words: Object.fromEntries([...words].map(([word, docs]) => [word, gapsOf([...docs])])),
    lengths,
    synonyms: input.synonyms,
    ...(withBody
      ? { positions: positionsOf(analysed) }
      : {
          descriptions: descriptionFiles(
            input.locale,
            input.articles.map((a) => a.description),
          ).shards,
        }),
  };
}

function positionsOf(analysed: readonly AnalysedArticle[]): Record<string, number[]> {
  const runs = new Map<string, number[]>();
  const lastDoc = new Map<string, number>();
  analysed.forEach((article, doc) => {
    for (const [term, at] of article.positions) {
      let run = runs.get(term);
      if (!run) runs.set(term, (run = []));
      run.push(doc - (lastDoc.get(term) ?? 0), at.length, ...gapsOf(at));
      lastDoc.set(term, doc);
    }
  });
  return Object.fromEntries(runs);
}

/** The address every article of the index shares before its id; refuses one that does not. */
function articlePathOf(locale: Locale, articles: readonly IndexSource[]): string {
  const first = articles[0];
  const path = first
    ? first.url.slice(0, first.url.length - `${first.id}/`.length)
    : `/${locale}/articles/`;
  for (const article of articles)
    if (article.url !== `${path}${article.id}/`)
      throw new Error(
        `buildSearchIndex(${locale}): the article "${article.id}" is at ${article.url}, not at ${path}${article.id}/ like the others; every article of a locale shares one address pattern`,
      );
  return path;
}

function gapsOfPostings(postings: readonly number[]): number[] {
  const out = postings.slice();
  for (let i = out.length - 3; i > 0; i -= 3) out[i] = postings[i]! - postings[i - 3]!;
  return out;
}

function gapsOf(ascending: readonly number[]): number[] {
  return ascending.map((doc, i) => (i === 0 ? doc : doc - ascending[i - 1]!));
}

function docsOf({ docs, articlePath }: SerializedSearchIndex): SearchDoc[] {
  const english = new Set(docs.english);
  return docs.id.map((id, position) => ({
    id,
    title: docs.title[position]!,
    ...(docs.description ? { description: docs.description[position]! } : {}),
    url: `${articlePath}${id}/`,
    section: docs.section[position]!,
    audience: docs.audience[position]!,
    ...(english.has(position) ? { english: true as const } : {}),
    ...(docs.page[position] ? { page: docs.page[position] } : {}),
  }));
}

/** The index as queries use it: addresses and absolute document numbers. */
export function decodeSearchIndex(data: SerializedSearchIndex): SearchIndexData {
  const terms: Record<string, number[]> = {};
  for (const [term, stored] of Object.entries(data.terms)) {
    const postings = stored.slice();
    for (let i = 3; i < postings.length; i += 3) postings[i] = postings[i]! + postings[i - 3]!;
    terms[term] = postings;
  }
  const words: Record<string, number[]> = {};
  for (const [word, stored] of Object.entries(data.words)) {
    const docs = stored.slice();
    for (let i = 1; i < docs.length; i++) docs[i] = docs[i]! + docs[i - 1]!;
    words[word] = docs;
  }
  return {
    ...data,
    docs: docsOf(data),
    terms,
    words,
  };
}

/** Checks what was fetched or read is an index this code understands, with a fix when not. */
export function assertSearchIndex(
  data: unknown,
  where: string,
): asserts data is SerializedSearchIndex {
  const index = data as Partial<SerializedSearchIndex> | null;
  if (index?.version !== searchIndexVersion)
    throw new Error(
      `${where}: expected a search index with version ${searchIndexVersion}, got ${JSON.stringify(index?.version)}; rebuild the site (npm run build) so /search/<locale>.json matches this code`,
    );
  if (
    !isLocale(index.locale) ||
    !Array.isArray(index.docs?.id) ||
    typeof index.terms !== 'object' ||
    typeof index.articlePath !== 'string'
  )
    throw new Error(`${where}: the search index is incomplete; rebuild the site (npm run build)`);
}
