import type { Locale } from '../../i18n/locales.ts';
import { urls } from '../../lib/urls.ts';
import {
  buildExcerpt,
  markWords,
  type ExcerptSegment,
  type WeightedPosition,
} from '../../search/excerpt.ts';
import { normaliseForSearch } from '../../search/normalise.ts';
import { isMeaninglessSplit } from '../../search/sub-word-match.ts';
import { descriptionFile, type SearchDoc } from '../../search/search-index.ts';
import {
  maxTextSearches,
  planQuery,
  rank,
  scoreIndex,
  type LoadedSearchIndex,
  type QueryPlan,
} from '../../search/search.ts';
import { loadIndexFile } from '../../search/suggest.ts';

/**
 * The search every box of the help centre uses (search page, header, home page, contact page):
 * the locale's search index (titles, keywords, labels, descriptions, synonyms) fused with
 * Pagefind's index of the article text, searched word by word so a question never needs every
 * word to match. Loaded once per page, on first use.
 */

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<{ content: string }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

export interface SearchHit {
  doc: SearchDoc;
  /** Category and section titles, for the trail on a result card. */
  trail: { category: string; section: string } | undefined;
  categoryId: string | undefined;
  /**
   * The excerpt: from the article text where it matched, else the description (both fetched on
   * first call); [] when neither can be had.
   */
  excerpt(): Promise<ExcerptSegment[]>;
}

export interface SearchOutcome {
  query: string;
  hits: SearchHit[];
}

export interface SiteSearch {
  readonly locale: Locale;
  search(query: string): Promise<SearchOutcome>;
  /** Category id → title, in display order of first appearance. */
  categories(): Record<string, string>;
}

/** Results below this share of the best score are noise for any reader. */
const relativeCutoff = 0.08;

let loading: Promise<SiteSearch> | undefined;

export function loadSiteSearch(locale: Locale): Promise<SiteSearch> {
  loading ??= createSiteSearch(locale);
  return loading;
}

async function createSiteSearch(locale: Locale): Promise<SiteSearch> {
  const [index, pagefind] = await Promise.all([loadIndex(locale), loadPagefind()]);
  const describe = descriptions(index);
  return {
    locale,
    categories: () => index.data.categories,
    search: async (query) => ({ query, hits: await searchBoth(index, pagefind, describe, query) }),
  };
}

type Describe = (position: number) => Promise<string | undefined>;

/**
 * The description of the article at a position: from the index when it holds them, else from
 * the index's description files (search-index.ts), each fetched once. Undefined when its file
 * cannot be had (a newer build replaced it): the card then shows the title alone.
 */
function descriptions(index: LoadedSearchIndex): Describe {
  const { locale, descriptions: shards } = index.data;
  const files = new Map<string, Promise<string[]>>();
  return async (position) => {
    const held = index.data.docs[position]?.description;
    if (held !== undefined || !shards) return held;
    const { file, offset } = descriptionFile(locale, shards, position);
    let loading = files.get(file);
    if (!loading) {
      loading = fetch(urls.asset(`search/${file}`)).then((response) =>
        response.ok ? (response.json() as Promise<string[]>) : [],
      );
      files.set(file, loading);
    }
    return (await loading.catch(() => []))[offset];
  };
}

async function loadIndex(locale: Locale): Promise<LoadedSearchIndex> {
  const url = urls.asset(`search/${locale}.json`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}; rebuild the site (npm run build)`);
  return loadIndexFile(await response.json(), url);
}

async function loadPagefind(): Promise<Pagefind | null> {
  try {
    const api = (await import(/* @vite-ignore */ urls.asset('pagefind/pagefind.js'))) as Pagefind;
    // On the page's thread: a handful of small searches per query are cheaper than a worker.
    await api.options({ noWorker: true });
    return api;
  } catch {
    // Without the text index the titles, keywords and descriptions still answer.
    return null;
  }
}

async function searchBoth(
  index: LoadedSearchIndex,
  pagefind: Pagefind | null,
  describe: Describe,
  query: string,
): Promise<SearchHit[]> {
  const plan = planQuery(index, query);
  if (plan.typed.length === 0) return [];
  const head = scoreIndex(index, plan);
  const text = new Map<number, Map<number, number>>();
  const positions = new Map<number, Map<number, number[]>>();
  const found = new Map<number, { result: PagefindResult; positions: WeightedPosition[] }>();
  if (pagefind) {
    const searches = plan.planned
      .map((word, plannedIndex) => ({ word, plannedIndex }))
      .sort((a, b) => b.word.weight - a.word.weight)
      .slice(0, maxTextSearches);
    await Promise.all(
      searches.map(async ({ word, plannedIndex }) => {
        const term = normaliseForSearch(index.data.locale, word.text);
        const { results } = await pagefind.search(term);
        if (await isSplitOfUnknownWord(plan, word, term, results)) return;
        const scores = new Map<number, number>();
        const wordPositions = new Map<number, number[]>();
        for (const result of results) {
          const doc = index.byPage.get(result.id);
          if (doc === undefined) continue;
          scores.set(doc, result.score);
          wordPositions.set(doc, result.words);
          let entry = found.get(doc);
          if (!entry) found.set(doc, (entry = { result, positions: [] }));
          for (const position of result.words)
            entry.positions.push({ position, weight: word.weight });
        }
        text.set(plannedIndex, scores);
        positions.set(plannedIndex, wordPositions);
      }),
    );
  }
  const ranked = rank(index, plan, head, text, positions);
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((hit) => hit.score >= best * relativeCutoff)
    .map(({ position, doc }) => {
      const section = index.data.sections[doc.section];
      const inText = found.get(position);
      return {
        doc,
        categoryId: section?.category,
        trail: section && {
          section: section.title,
          category: index.data.categories[section.category] ?? '',
        },
        excerpt: async () => {
          const fromText = inText
            ? buildExcerpt((await inText.result.data()).content, inText.positions)
            : [];
          if (fromText.length > 0) return fromText;
          const description = await describe(position);
          return description ? markWords(description, searchedWord(index, plan)) : [];
        },
      };
    });
}

/**
 * A word no title, keyword or description knows may be one Pagefind does not know either, which
 * it answers with a part of it (내나요 → 내): read the word the best result matched, and drop the
 * word's text matches when that is a meaningless part. One fragment read, only for unknown words.
 */
async function isSplitOfUnknownWord(
  plan: QueryPlan,
  word: QueryPlan['planned'][number],
  term: string,
  results: PagefindResult[],
): Promise<boolean> {
  const [top] = results;
  const unknown = word.covers.length === 1 && plan.fieldFrequency[word.covers[0]!] === 0;
  if (!top || !unknown || /\s/.test(term) || top.words.length === 0) return false;
  const found = (await top.data()).content.split(/\s+/)[top.words[0]!] ?? '';
  return isMeaninglessSplit(term, found);
}

/** Whether a word of a description is one that was searched for (by its analysed terms). */
function searchedWord(index: LoadedSearchIndex, plan: QueryPlan): (word: string) => boolean {
  const terms = new Set(plan.planned.flatMap((p) => p.words.flatMap((w) => w.terms)));
  return (word) => index.analyser.queryWords(word).some((w) => w.terms.some((t) => terms.has(t)));
}
