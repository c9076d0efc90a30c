import type { ArticleFeed } from './site-index.ts';

/**
 * The article feed of the build under way (see ArticleFeed). The middleware runs in the build's
 * bundled code, a different module instance from the integration's, so the two meet on a global
 * of this process. This module imports nothing, so the bundled middleware stays small.
 */
const feedKey = Symbol.for('help-centre.article-feed');
type WithFeed = typeof globalThis & { [feedKey]?: ArticleFeed };

export function activeArticleFeed(): ArticleFeed | undefined {
  return (globalThis as WithFeed)[feedKey];
}

export function setActiveArticleFeed(feed: ArticleFeed | undefined): void {
  if (feed) (globalThis as WithFeed)[feedKey] = feed;
  else delete (globalThis as WithFeed)[feedKey];
}
