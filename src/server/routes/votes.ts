/**
 * POST /api/votes: "Was this helpful?" from every article page, public and internal. A plain form
 * post (no scripts) is answered 303 back to the article at the next step (#helpful-why,
 * #helpful-thanks), and a refusal with a small page in the reader's language; a script that
 * sends `Accept: application/json` gets JSON and problem+json. The logic lives in votes/.
 * GET /api/votes/summary: one article's tallies and latest comments, for leads.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { ContentRepository } from '../content/repository.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import type { RateLimit, RateLimiter } from '../middleware/rate-limit.ts';
import { ProblemError, problemResponse, problemTypes, validationProblem } from '../problem.ts';
import { bodyKindOf, parseBody } from '../request-body.ts';
import type { SaltStore, VoteStore, VoteSummary } from '../store/types.ts';
import { castVote } from '../votes/cast.ts';
import { voteErrorPage } from '../votes/error-page.ts';
import { backToArticle } from '../votes/redirect.ts';
import { validateSummaryQuery, validateVote } from '../votes/validate.ts';
import { requireRole } from '../middleware/require-role.ts';

/** Answers per client per window: yes, then no, then a reason is three. */
export const defaultVoteRateLimit: RateLimit = { max: 30, windowSeconds: 600 };

/** A few hidden fields and a 1000-character comment, form-encoded (up to 12 bytes a character). */
const MAX_BODY_BYTES = 16 * 1024;

export interface VoteRouteDeps {
  votes: VoteStore;
  salts: SaltStore;
  content: ContentRepository;
  now: () => Date;
  limiter: RateLimiter;
}

export function voteRoutes(deps: VoteRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const readBody = readBodyWithin(MAX_BODY_BYTES);

  routes.post('/', async (c) => {
    const script = wantsJson(c);
    let fields: Record<string, unknown> = {};
    try {
      // Read first (it is small and bounded), so even a refusal can link back to the article.
      await readBody(c, async () => {});
      fields = parseBody(c.get('body'), bodyKindOf(c.req.header('content-type')));
      const slot = await deps.limiter.take(c.get('clientAddress'));
      if (!slot.allowed)
        throw new ProblemError(
          {
            type: problemTypes.rateLimited,
            title: 'Too many answers',
            status: 429,
            detail: `Too many answers from this address; try again in ${slot.retryAfterSeconds} seconds.`,
          },
          { 'Retry-After': String(slot.retryAfterSeconds) },
        );
      const checked = validateVote(fields);
      if (!checked.ok) throw new ProblemError(validationProblem(checked.errors));
      const vote = checked.value;
      const answer = await castVote(deps, vote, {
        clientAddress: c.get('clientAddress'),
        userAgent: c.req.header('user-agent') ?? '',
        viewer: c.get('viewer'),
        headers: c.req.raw.headers,
      });
      if (!script)
        return backToArticle(
          vote.locale,
          vote.articleId,
          vote.audience === 'internal',
          answer.next,
        );
      return c.json(answer, answer.updated ? 200 : 201);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      if (script) return problemResponse(error.problem, error.headers);
      return withHeaders(voteErrorPage(error.problem, targetOf(fields)), error.headers);
    }
  });

  // The tally of the current revision, its history and the latest comments, for a lead on the
  // internal article page. Comments are raw text: the page puts them in with textContent.
  routes.get('/summary', requireRole('lead'), async (c) => {
    const query = validateSummaryQuery(c.req.query());
    if (!query.ok) throw new ProblemError(validationProblem(query.errors));
    const { articleId, locale, revision } = query.value;
    const history = await deps.votes.tallies({ articleId, locale });
    const comments = await deps.votes.recentComments({ articleId, locale, limit: 5 });
    const summary: VoteSummary = {
      current: history.filter((tally) => tally.revision === revision),
      history,
      comments,
    };
    return c.json(summary);
  });

  return routes;
}

/** Scripts ask for JSON (or send it); a browser submitting the form asks for HTML. */
function wantsJson(c: Context<AppEnv>): boolean {
  const accept = c.req.header('accept') ?? '';
  if (accept.includes('text/html')) return false;
  return (
    /application\/(problem\+)?json/.test(accept) ||
    (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')
  );
}

function targetOf(fields: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    locale: text(fields['locale']),
    articleId: text(fields['articleId']),
    audience: text(fields['audience']),
  };
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
