import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { activeArticleFeed, setActiveArticleFeed } from './build-feed.ts';
import { indexSite, articleFeed } from './site-index.ts';

/**
 * Thin Astro hook: while the static build renders, its article pages go to Pagefind (the feed,
 * filled by src/middleware.ts); when it is done, index the rest (Pagefind's bundle per language,
 * and the search index of titles, keywords and descriptions per locale) and give each locale its
 * own 404.html for static hosts.
 */
export function helpCentreSearch(): AstroIntegration {
  let basePath = '';
  return {
    name: 'help-centre-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        basePath = config.base.replace(/\/+$/, '');
      },
      'astro:build:start': () => {
        setActiveArticleFeed(articleFeed());
      },
      'astro:build:done': async ({ dir, logger }) => {
        const feed = activeArticleFeed();
        setActiveArticleFeed(undefined);
        await indexSite(fileURLToPath(dir), logger, { basePath, feed });
      },
    },
  };
}
