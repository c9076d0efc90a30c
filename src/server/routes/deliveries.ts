/**
 * The delivery outbox for leads: GET /api/deliveries?state=dead|pending|delivered lists rows with
 * the counts per target and state; POST /api/deliveries/:id/retry puts a dead row back to pending.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireRole } from '../middleware/require-role.ts';
import { notFoundProblem, ProblemError, problemTypes } from '../problem.ts';
import type { Delivery, DeliveryState, Stores } from '../store/types.ts';

const states: readonly DeliveryState[] = ['pending', 'delivered', 'dead'];

export interface DeliveryRouteDeps {
  stores: Stores;
  now: () => Date;
  /** Whether email goes out (SMTP_URL set); without it email rows wait. Default false. */
  emailEnabled?: boolean;
  /** Wakes the delivery worker after a retry, when one runs in this process. */
  wake?: () => void;
}

export function deliveryRoutes(deps: DeliveryRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireRole('lead'));

  routes.get('/', async (c) => {
    const state = c.req.query('state');
    const limit = c.req.query('limit');
    if (state !== undefined && !states.includes(state as DeliveryState))
      throw invalidParameter('state', `state must be one of: ${states.join(', ')}`);
    if (limit !== undefined && !/^[1-9]\d{0,3}$/.test(limit))
      throw invalidParameter('limit', 'limit must be a whole number from 1 to 1000');
    const deliveries = await deps.stores.deliveries.list({
      ...(state ? { state: state as DeliveryState } : {}),
      ...(limit ? { limit: Number(limit) } : {}),
    });
    return c.json({
      deliveries: deliveries.map(publicDelivery),
      counts: await deps.stores.deliveries.counts(),
      // "off": email rows wait until SMTP_URL is set; the reports say so next to the count.
      email: deps.emailEnabled ? 'on' : 'off',
    });
  });

  routes.post('/:id/retry', async (c) => {
    const param = c.req.param('id');
    const id = /^[1-9]\d{0,15}$/.test(param) ? Number(param) : undefined;
    const result = id
      ? await deps.stores.deliveries.retry(id, {
          actor: c.get('viewer')!.person.id,
          at: deps.now().toISOString(),
        })
      : ({ outcome: 'not-found' } as const);
    if (result.outcome === 'not-found')
      throw new ProblemError(notFoundProblem(`There is no delivery ${param}.`));
    if (result.outcome === 'not-dead')
      throw new ProblemError({
        type: problemTypes.conflict,
        title: 'Only dead deliveries can be retried',
        status: 409,
        detail: `Delivery ${param} is ${result.delivery.state}: ${
          result.delivery.state === 'pending'
            ? 'it is already on its way and will be tried again by itself.'
            : 'it has arrived, nothing to retry.'
        }`,
      });
    deps.wake?.();
    return c.json({ delivery: publicDelivery(result.delivery) });
  });

  return routes;
}

/** What a lead sees of a row; the ticket's own content stays in the ticket. */
function publicDelivery(delivery: Delivery) {
  return {
    id: delivery.id,
    ticketReference: delivery.ticketReference,
    target: delivery.target,
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.state === 'pending' ? delivery.nextAttemptAt : null,
    lastError: delivery.lastError,
    idempotencyKey: delivery.idempotencyKey,
    createdAt: delivery.createdAt,
    deliveredAt: delivery.deliveredAt,
    retriedBy: delivery.retriedBy,
    retriedAt: delivery.retriedAt,
  };
}

function invalidParameter(field: string, message: string): ProblemError {
  return new ProblemError({
    type: problemTypes.invalidParameters,
    title: 'Invalid query parameters',
    status: 400,
    detail: `Check ${field}.`,
    errors: [{ field, message }],
  });
}
