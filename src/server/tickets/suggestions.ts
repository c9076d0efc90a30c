/**
 * Articles attached to a new ticket for the agent: the same suggestion index the contact page
 * uses in the browser, loaded from the build (dist/suggest/<locale>.json). Suggestions help; they
 * never block a ticket, so a missing or broken index is logged once and then skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales, type Locale } from '../../i18n/locales.ts';
import { loadSuggestIndex, suggestArticles, type SuggestIndex } from '../../search/suggest.ts';
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
  const indexes = new Map<Locale, SuggestIndex>();
  const missing: Locale[] = [];
  for (const locale of locales) {
    const file = join(distDir, 'suggest', `${locale}.json`);
    if (!existsSync(file)) {
      missing.push(locale);
      continue;
    }
    try {
      indexes.set(locale, await loadSuggestIndex(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (error) {
      log.warn(
        `${file}: suggestion index not loaded (${String(error)}); rebuild with npm run build`,
      );
      missing.push(locale);
    }
  }
  if (missing.length > 0) {
    log.warn(
      `no suggestion index for ${missing.join(', ')} in ${join(distDir, 'suggest')}/: ` +
        'tickets in these languages are stored without suggested articles (npm run build writes them)',
    );
  }
  let failureLogged = false;
  return {
    suggest(locale, text, limit) {
      const index = indexes.get(locale);
      if (!index) return [];
      try {
        return suggestArticles(index, text, limit).map((article) => article.id);
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
