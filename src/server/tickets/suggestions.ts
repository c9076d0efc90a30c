/**
 * Articles the service suggests: for a new ticket (attached for the agent) and for what a reader
 * types on the contact page. Both come from the locale's search index with the article text inside
 * (dist/search/<locale>.full.json), searched by the shared query code. The indexes load in the
 * background once the service listens (warm(); a big help centre has megabytes of them); a
 * request that needs one before then loads and waits for its locale only. Suggestions help; they never block
 * a ticket, so a missing or broken index is logged once and then skipped.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { locales, type Locale } from '../../i18n/locales.ts';
import type { SearchDoc } from '../../search/search-index.ts';
import type { LoadedSearchIndex } from '../../search/search.ts';
import { loadIndexFile, suggestArticles, suggestForText } from '../../search/suggest.ts';
import type { Logger } from '../log.ts';

export interface ArticleSuggester {
  /** Ids of the best-matching articles for a ticket's text, best first; [] without an index. */
  suggest(locale: Locale, text: string, limit: number): Promise<string[]>;
  /** Articles for what a reader is typing, best first; undefined when the locale has no index. */
  forReader(locale: Locale, query: string, limit: number): Promise<SearchDoc[] | undefined>;
  /** An article of the locale's index (title and address in that locale), if there is one. */
  article(locale: Locale, id: string): Promise<SearchDoc | undefined>;
  /**
   * Loads every locale's index in the background, one after another, and says which are missing.
   * The service calls it once it listens, so loading megabytes of indexes never delays the start.
   */
  warm(): Promise<void>;
}

export const noSuggestions: ArticleSuggester = {
  suggest: async () => [],
  forReader: async () => undefined,
  article: async () => undefined,
  warm: async () => undefined,
};

export function loadArticleSuggester(distDir: string, log: Logger): ArticleSuggester {
  const missing: Locale[] = [];
  const loads = new Map<Locale, Promise<LoadedSearchIndex | undefined>>();
  const load = async (locale: Locale) => {
    const file = join(distDir, 'search', `${locale}.full.json`);
    if (!existsSync(file)) {
      missing.push(locale);
      return undefined;
    }
    try {
      return await loadIndexFile(JSON.parse(await readFile(file, 'utf8')), file);
    } catch (error) {
      log.warn(`${file}: search index not loaded (${String(error)}); rebuild with npm run build`);
      missing.push(locale);
      return undefined;
    }
  };
  const indexOf = (locale: Locale) => {
    let loading = loads.get(locale);
    if (!loading) loads.set(locale, (loading = load(locale)));
    return loading;
  };
  let warming: Promise<void> | undefined;
  // One locale after another, each on a later turn of the event loop, so requests keep flowing.
  const warm = () =>
    (warming ??= (async () => {
      for (const locale of locales) {
        await new Promise((resolve) => setImmediate(resolve));
        await indexOf(locale);
      }
      if (missing.length > 0)
        log.warn(
          `no search index for ${missing.join(', ')} in ${join(distDir, 'search')}/: ` +
            'tickets in these languages are stored without suggested articles (npm run build writes them)',
        );
    })());

  let failureLogged = false;
  const guarded = <T>(fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (!failureLogged)
        log.error('suggesting articles failed; tickets are stored without', error);
      failureLogged = true;
      return fallback;
    }
  };
  return {
    async suggest(locale, text, limit) {
      const index = await indexOf(locale);
      if (!index) return [];
      return guarded([], () => suggestForText(index, text, limit).map((article) => article.doc.id));
    },
    async forReader(locale, query, limit) {
      const index = await indexOf(locale);
      if (!index) return undefined;
      return guarded([], () => suggestArticles(index, query, limit).map((article) => article.doc));
    },
    async article(locale, id) {
      const index = await indexOf(locale);
      return index?.data.docs.find((doc) => doc.id === id);
    },
    warm,
  };
}

/**
 * Suggestions from whichever build is live: when a release switch changes the folder, the new
 * indexes load in the background and replace the old ones once every locale is in; until
 * then the old ones answer.
 */
export function followLiveSuggestions(distDirOf: () => string, log: Logger): ArticleSuggester {
  let loadedFor = distDirOf();
  let current = loadArticleSuggester(loadedFor, log);
  let switching = false;
  const live = () => {
    const dir = distDirOf();
    if (dir !== loadedFor && !switching) {
      switching = true;
      const next = loadArticleSuggester(dir, log);
      void next.warm().finally(() => {
        current = next;
        loadedFor = dir;
        switching = false;
      });
    }
    return current;
  };
  return {
    suggest: (locale, text, limit) => live().suggest(locale, text, limit),
    forReader: (locale, query, limit) => live().forReader(locale, query, limit),
    article: (locale, id) => live().article(locale, id),
    warm: () => current.warm(),
  };
}
