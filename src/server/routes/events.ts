/**
 * POST /api/events: readers' search and contact-page events, sent by the browser in batches with
 * navigator.sendBeacon (src/client/analytics/beacon.ts). Answers 202 `{accepted, dropped}`:
 * invalid events are dropped and counted, the valid ones stored in one transaction. A batch with
 * no valid event at all is refused with a validation problem naming what was wrong, and so is a
 * body that is not `{events: [...]}` with 1 to 50 events; a body over 16 KiB gets 413 and a client
 * over its limit 429. A request that says Do Not Track or Global Privacy Control is answered the
 * same way but nothing of it is stored.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import type { RateLimit, RateLimiter } from '../middleware/rate-limit.ts';
import { ProblemError, problemTypes, validationProblem, fieldErrorsOf } from '../problem.ts';
import { bodyKindOf, parseBody } from '../request-body.ts';
import { optedOut } from '../reader-events/opt-out.ts';
import { checkEvents, eventBatchSchema } from '../reader-events/accept.ts';
import type { ReaderEventStore } from '../store/types.ts';
import { maxEventBatchBytes } from '../../lib/reader-events.ts';

/** Default: 60 batches per client per minute (a page sends one when hidden, or per 20 events). */
export const defaultEventRateLimit: RateLimit = { max: 60, windowSeconds: 60 };

export interface EventRouteDeps {
  store: ReaderEventStore;
  now: () => Date;
  /** Batches per client per window. */
  limiter: RateLimiter;
}

export function eventRoutes(deps: EventRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post(
    '/',
    // The body first: a batch counts once it arrived whole, so abandoned uploads take no slot.
    readBodyWithin(maxEventBatchBytes),
    async (c, next) => {
      const slot = await deps.limiter.take(c.get('clientAddress'));
      if (!slot.allowed) {
        throw new ProblemError(
          {
            type: problemTypes.rateLimited,
            title: 'Too many event batches',
            status: 429,
            detail: `Too many event batches from this address; try again in ${slot.retryAfterSeconds} seconds.`,
          },
          { 'Retry-After': String(slot.retryAfterSeconds) },
        );
      }
      await next();
    },
    async (c) => {
      if (bodyKindOf(c.req.header('content-type')) !== 'json') {
        throw new ProblemError({
          type: problemTypes.unsupportedMediaType,
          title: 'Unsupported content type',
          status: 415,
          detail: 'Send the events as application/json: {"events": [...]}.',
        });
      }
      const envelope = eventBatchSchema.safeParse(parseBody(c.get('body'), 'json'));
      if (!envelope.success) {
        throw new ProblemError(validationProblem(fieldErrorsOf(envelope.error.issues, 'events')));
      }
      const batch = checkEvents(envelope.data.events, deps.now());
      if (batch.events.length === 0) {
        throw new ProblemError(
          validationProblem(batch.errors, 'No event in the batch is valid; see errors.'),
        );
      }
      if (optedOut(c.req.raw.headers)) {
        return c.json({ accepted: 0, dropped: batch.dropped, optedOut: true }, 202);
      }
      const accepted = await deps.store.record(batch.events);
      return c.json({ accepted, dropped: batch.dropped }, 202);
    },
  );

  return routes;
}
