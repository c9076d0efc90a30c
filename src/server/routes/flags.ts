/**
 * Agents' flags: POST /api/flags raises one (or joins the open flag on that passage),
 * GET /api/flags/mine lists the agent's own, GET /api/flags/:id one with its history, and
 * GET /api/flags/article/:locale/:id the open flags on an article, each located in today's text.
 */
import { Hono, type Context } from 'hono';
import { isLocale } from '../../i18n/locales.ts';
import { hasRole } from '../auth/roles.ts';
import type { AppEnv } from '../context.ts';
import type { ContentRepository } from '../content/repository.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { requireRole } from '../middleware/require-role.ts';
import { ProblemError, notFoundProblem, validationProblem } from '../problem.ts';
import { locateFlags, validateFlag } from '../proposals/flags.ts';
import { bodyKindOf, parseBody } from '../request-body.ts';
import type { Stores } from '../store/types.ts';
import { openFlagStates } from '../../proposals/vocabulary.ts';

export function flagRoutes(deps: {
  stores: Stores;
  content: ContentRepository;
  now: () => Date;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('agent'));
  const viewerId = (c: Context<AppEnv>) => c.get('viewer')!.person.id;

  routes.post('/', readBodyWithin(16 * 1024), async (c) => {
    const fields = parseBody(c.get('body'), bodyKindOf(c.req.header('content-type')));
    const input = validateFlag(fields, deps.content);
    if (!input.ok) throw new ProblemError(validationProblem(input.errors));
    const result = await deps.stores.flags.raise(input.flag, {
      actor: viewerId(c),
      at: deps.now().toISOString(),
    });
    return c.json(
      { outcome: result.outcome, flag: result.flag },
      result.outcome === 'opened' ? 201 : 200,
    );
  });

  routes.get('/mine', async (c) => {
    const flags = await deps.stores.flags.listInvolving(viewerId(c));
    return c.json({ flags: locateFlags(flags, deps.content) });
  });

  routes.get('/article/:locale/:articleId', async (c) => {
    const locale = c.req.param('locale');
    if (!isLocale(locale)) throw new ProblemError(notFoundProblem(`"${locale}" is not a locale`));
    const flags = (await deps.stores.flags.listForArticle(c.req.param('articleId'), locale)).filter(
      (flag) => openFlagStates.includes(flag.state),
    );
    return c.json({ flags: locateFlags(flags, deps.content) });
  });

  routes.get('/:id', async (c) => {
    const flag = await deps.stores.flags.get(c.req.param('id'));
    const viewer = c.get('viewer')!;
    const involved = flag?.supporters.some((s) => s.personId === viewer.person.id);
    // Agents see their own flags; leads see every flag.
    if (!flag || (!involved && !hasRole(viewer.person.role, 'lead')))
      throw new ProblemError(notFoundProblem(`There is no flag ${c.req.param('id')} of yours.`));
    const [located] = locateFlags([flag], deps.content);
    return c.json({ flag: located, history: await deps.stores.flags.history(flag.id) });
  });

  return routes;
}
