import type { Locale } from '../../i18n/locales.ts';
import { urls } from '../../lib/urls.ts';
import {
  loadSuggestIndex,
  minQueryLength,
  suggestArticles,
  type SuggestIndex,
} from '../../search/suggest.ts';

/**
 * Article suggestions from the locale's compact lunr index (/suggest/<locale>.json, built with
 * the site). The same index and query code run in the service to attach suggestions to a ticket.
 */
let index: Promise<SuggestIndex | null> | undefined;

function loadIndex(locale: Locale): Promise<SuggestIndex | null> {
  index ??= fetch(urls.asset(`suggest/${locale}.json`))
    .then((response) => (response.ok ? response.json() : null))
    .then((data) => (data ? loadSuggestIndex(data) : null))
    .catch(() => null);
  return index;
}

export interface Suggestion {
  id: string;
  title: string;
  description: string;
  url: string;
}

export async function suggest(locale: Locale, query: string): Promise<Suggestion[]> {
  if (query.trim().length < minQueryLength[locale]) return [];
  const loaded = await loadIndex(locale);
  return loaded ? suggestArticles(loaded, query, 5) : [];
}
