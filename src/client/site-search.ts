import type { Locale } from '../i18n/locales.ts';
import { normaliseForSearch } from '../search/normalise.ts';
import { urls } from '../lib/urls.ts';

/**
 * Loads the Pagefind bundle of the site once per page, merged with the English articles that are
 * not translated into the reader's locale yet (their own bundle, so English text never enters
 * another language's index), and searches with the same normalisation the index was built with.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  /** The article is not translated into the reader's locale: the text is English. */
  inEnglish: boolean;
}

let pagefind: Promise<PagefindApi> | undefined;

export function fallbackBundlePath(locale: Locale): string {
  return urls.asset(`pagefind-fallback/${locale}/`);
}

export function loadPagefind(locale: Locale, withFallback: boolean): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const bundle = urls.asset('pagefind/pagefind.js');
    const api = (await import(/* @vite-ignore */ bundle)) as PagefindApi;
    await api.options({ excerptLength: 24 });
    if (withFallback) await api.mergeIndex(fallbackBundlePath(locale), { language: locale });
    return api;
  })();
  return pagefind;
}

export async function searchSite(
  locale: Locale,
  withFallback: boolean,
  query: string,
  limit: number,
): Promise<{ total: number; hits: SearchHit[] }> {
  const term = normaliseForSearch(locale, query.trim());
  if (!term) return { total: 0, hits: [] };
  const api = await loadPagefind(locale, withFallback);
  const { results } = await api.search(term);
  const hits = await Promise.all(
    results.slice(0, limit).map(async (result) => {
      const data = await result.data();
      return {
        url: data.url,
        title: data.meta['title'] ?? data.url,
        excerpt: data.excerpt,
        inEnglish: data.meta['fallback'] === 'true',
      };
    }),
  );
  return { total: results.length, hits };
}
