/**
 * Articles attached to a new ticket for the agent: the locale's search index with the article
 * text inside (dist/search/<locale>.full.json), searched by the same query code as the contact
 * page. Suggestions help; they never block a ticket, so a missing or broken index is logged once
 * and then skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales, type Locale } from '../../i18n/locales.ts';
import type { LoadedSearchIndex } from '../../search/search.ts';
import { loadIndexFile, suggestArticles } from '../../search/suggest.ts';
import type { Logger } from '../log.ts';

export interface ArticleSuggester {
  /** Ids of the best-matching articles, best first; [] when that locale has no index. */
  suggest(locale: Locale, text: string, limit: number): string[];
}

export const noSuggestions: ArticleSuggester = { suggest: () => [] };

export async function loadArticleSuggester(
  distDir: string,
  log: Logger,
): Promise<ArticleSuggester> {
  const indexes = new Map<Locale, LoadedSearchIndex>();
  const missing: Locale[] = [];
  for (const locale of locales) {
    const file = join(distDir, 'search', `${locale}.full.json`);
    if (!existsSync(file)) {
      missing.push(locale);
      continue;
    }
    try {
      indexes.set(locale, await loadIndexFile(JSON.parse(readFileSync(file, 'utf8')), file));
    } catch (error) {
      log.warn(
        `${file}: search index not loaded (${String(error)}); rebuild with npm run build`,
      );
      missing.push(locale);
    }
  }
  if (missing.length > 0) {
    log.warn(
      `no search index for ${missing.join(', ')} in ${join(distDir, 'search')}/: ` +
        'tickets in these languages are stored without suggested articles (npm run build writes them)',
    );
  }
  let failureLogged = false;
  return {
    suggest(locale, text, limit) {
      const index = indexes.get(locale);
      if (!index) return [];
      try {
        return suggestArticles(index, text, limit).map((article) => article.doc.id);
      } catch (error) {
        if (!failureLogged)
          log.error('suggesting articles failed; tickets are stored without', error);
        failureLogged = true;
        return [];
      }
    },
  };
}

/**
 * Suggestions from whichever build is live: when a release switch changes the folder, the new
 * index loads in the background and replaces the old one; until then the old one answers.
 */
export async function followLiveSuggestions(
  distDirOf: () => string,
  log: Logger,
): Promise<ArticleSuggester> {
  let loadedFor = distDirOf();
  let current = await loadArticleSuggester(loadedFor, log);
  let loading = false;
  return {
    suggest(locale, text, limit) {
      const dir = distDirOf();
      if (dir !== loadedFor && !loading) {
        loading = true;
        void loadArticleSuggester(dir, log)
          .then((next) => {
            current = next;
            loadedFor = dir;
          })
          .finally(() => {
            loading = false;
          });
      }
      return current.suggest(locale, text, limit);
    },
  };
}
