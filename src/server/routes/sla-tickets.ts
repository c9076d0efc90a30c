/**
 * GET /api/sla/tickets?state=at-risk|breached&team=email-en&days=30: tickets at risk of missing
 * their first-reply target or past it, for team managers (the lead role for now).
 */
import { Hono } from 'hono';
import type { Temporal } from 'temporal-polyfill';
import type { AppEnv } from '../context.ts';
import { requireRole } from '../middleware/require-role.ts';
import { ProblemError, problemTypes } from '../problem.ts';
import type { TicketStore } from '../store/types.ts';
import type { SupportConfig } from '../support/types.ts';
import { listSlaTickets, parseSlaListQuery } from '../tickets/sla-list.ts';

export interface SlaTicketRouteDeps {
  store: TicketStore;
  support: SupportConfig;
  now: () => Temporal.Instant;
}

export function slaTicketRoutes(deps: SlaTicketRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('manager'));

  routes.get('/', async (c) => {
    const query = parseSlaListQuery(c.req.query(), deps.support);
    if (!query.ok)
      throw new ProblemError({
        type: problemTypes.invalidParameters,
        title: 'Invalid query parameters',
        status: 400,
        detail: `Check ${query.errors.map((error) => error.field).join(', ')}.`,
        errors: query.errors,
      });
    return c.json(await listSlaTickets(deps, query.filter));
  });

  return routes;
}
