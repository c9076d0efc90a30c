import { defineMiddleware } from 'astro:middleware';
import { activeArticleFeed } from './search/build-feed.ts';

/**
 * While the static build renders, each article page goes to the build's feed as soon as it is
 * rendered (src/search/site-index.ts, ArticleFeed): Pagefind indexes it in its own process during
 * the rendering instead of after it, and its text is kept for the search indexes, so the pages
 * are not read back. Outside a build (dev, the agents' pages served per request) there is no feed
 * and this does nothing.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const feed = activeArticleFeed();
  if (!feed || !context.isPrerendered || !context.url.pathname.includes('/articles/'))
    return response;
  const html = await response.text();
  feed.add(context.url.pathname, html);
  return new Response(html, { status: response.status, headers: response.headers });
});
