/**
 * GET /api/suggestions?locale=en&q=…&article=…: the articles the contact page suggests as the
 * reader types, answered from the same index the service suggests for tickets, so the page
 * downloads a few hundred bytes instead of a locale's whole index. With `article` (the page the
 * reader came from) it also names that article, and with no `q` suggests for its title.
 */
import { Hono } from 'hono';
import type { SearchDoc } from '../../search/search-index.ts';
import type { AppEnv } from '../context.ts';
import { ProblemError, problemTypes, type FieldError } from '../problem.ts';
import type { ArticleSuggester } from '../tickets/suggestions.ts';
import { invalidParameters, readLocale } from '../query-params.ts';

export interface SuggestionRouteDeps {
  suggester: ArticleSuggester;
}

/** As many as the page shows. */
const maxSuggestions = 5;
const maxQueryLength = 200;
const ARTICLE_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function suggestionRoutes(deps: SuggestionRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const errors: FieldError[] = [];
    const locale = readLocale(c.req.query('locale'), errors);
    const query = (c.req.query('q') ?? '').trim();
    if (query.length > maxQueryLength)
      errors.push({ field: 'q', message: `q is at most ${maxQueryLength} characters` });
    const articleId = c.req.query('article') || undefined;
    if (articleId !== undefined && !ARTICLE_ID.test(articleId))
      errors.push({
        field: 'article',
        message: 'article must be an article id such as paying-for-lots',
      });
    if (!locale || errors.length > 0) throw invalidParameters(errors);

    const context = articleId ? await deps.suggester.article(locale, articleId) : undefined;
    const found = await deps.suggester.forReader(
      locale,
      query || context?.title || '',
      maxSuggestions,
    );
    if (found === undefined)
      throw new ProblemError({
        type: problemTypes.unavailable,
        title: 'Suggestions are unavailable',
        status: 503,
        detail: `There is no search index for ${locale} on this server; the contact form works without suggestions.`,
      });
    // The same answer for everyone until the next release: a minute in any cache is harmless.
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({
      articles: found.map(shown),
      context: context ? { id: context.id, title: context.title, url: context.url } : null,
    });
  });
  return routes;
}

/** What a suggestion shows: no Pagefind ids or section numbers. */
function shown(doc: SearchDoc) {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    url: doc.url,
    ...(doc.english ? { english: true } : {}),
  };
}
