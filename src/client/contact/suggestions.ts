import type { Locale } from '../../i18n/locales.ts';
import { minQueryLength } from '../../search/suggest.ts';
import { loadSiteSearch, type SearchHit } from '../search/engine.ts';

/**
 * Articles suggested as the reader writes: the same search as the search page (the locale's index
 * fused with Pagefind's), English-only articles included and marked, up to 5.
 */
export const maxSuggestions = 5;

export async function suggest(locale: Locale, query: string): Promise<SearchHit[]> {
  if (query.trim().length < minQueryLength[locale]) return [];
  try {
    const search = await loadSiteSearch(locale);
    return (await search.search(query)).hits.slice(0, maxSuggestions);
  } catch {
    // Suggestions help; a form that cannot show them still works.
    return [];
  }
}
