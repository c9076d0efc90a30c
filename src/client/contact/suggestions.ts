import type { Locale } from '../../i18n/locales.ts';
import { minQueryLength } from '../../search/suggest.ts';

/**
 * Articles suggested as the reader writes, answered by the service from the locale's search index
 * (GET /api/suggestions): a few hundred bytes per answer, whatever the size of the help centre,
 * where the page once downloaded the whole index. English-only articles come marked.
 */
export interface SuggestedArticle {
  id: string;
  title: string;
  description: string;
  url: string;
  english?: true;
}

export interface Suggestions {
  articles: SuggestedArticle[];
  /** The article the reader came from, named in their language; absent when unknown. */
  context?: { id: string; title: string };
  /** The service could not answer: the page says so, and the form still works. */
  unavailable?: true;
}

export async function fetchSuggestions(
  locale: Locale,
  query: string,
  articleId = '',
): Promise<Suggestions> {
  const text = query.trim();
  if (text.length < minQueryLength[locale] && !articleId) return { articles: [] };
  const params = new URLSearchParams({ locale });
  if (text.length >= minQueryLength[locale]) params.set('q', text.slice(0, 200));
  if (articleId) params.set('article', articleId);
  try {
    const response = await fetch(`/api/suggestions?${params}`);
    if (!response.ok) return { articles: [], unavailable: true };
    const body = (await response.json()) as {
      articles: SuggestedArticle[];
      context: { id: string; title: string } | null;
    };
    return { articles: body.articles, ...(body.context ? { context: body.context } : {}) };
  } catch {
    return { articles: [], unavailable: true };
  }
}
