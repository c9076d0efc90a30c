import type { Locale } from '../i18n/locales.ts';
import { loadAnalyser } from './analysers/index.ts';
import { assertSearchIndex } from './search-index.ts';
import {
  loadSearchIndex,
  searchIndexOnly,
  searchText,
  type LoadedSearchIndex,
  type RankedDoc,
} from './search.ts';

/**
 * Suggestions from one locale's index alone, with no Pagefind: the service attaches them to a
 * ticket (from /search/<locale>.full.json, which holds the article text) and tests use them.
 * Any input is safe: a query is analysed word by word, never parsed; only its first 32 meaningful
 * words count, so a whole ticket message can be passed.
 */

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

/** Loads an index (after JSON.parse) with the analyser of its locale. */
export async function loadIndexFile(
  data: unknown,
  where = 'search index',
): Promise<LoadedSearchIndex> {
  assertSearchIndex(data, where);
  return loadSearchIndex(data, await loadAnalyser(data.locale));
}

/** Up to `limit` articles for what was typed, best first; [] for too short a query. */
export function suggestArticles(index: LoadedSearchIndex, query: string, limit = 5): RankedDoc[] {
  if (limit <= 0 || countWordCharacters(query) < minQueryLength[index.data.locale]) return [];
  return searchIndexOnly(index, query).slice(0, limit);
}

/** Up to `limit` articles for a ticket's subject and message (see searchText), best first. */
export function suggestForText(index: LoadedSearchIndex, text: string, limit = 5): RankedDoc[] {
  if (limit <= 0 || countWordCharacters(text) < minQueryLength[index.data.locale]) return [];
  return searchText(index, text).slice(0, limit);
}

export function countWordCharacters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}
