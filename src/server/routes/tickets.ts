/**
 * POST /api/tickets (JSON or an HTML form post) and GET /api/tickets/:reference.
 * The route only wires: body reading, validation, creation and response shapes live in tickets/.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { limitTicketCreation, type RateLimiter } from '../middleware/rate-limit.ts';
import {
  ProblemError,
  notFoundProblem,
  problemResponse,
  problemTypes,
  validationProblem,
  type FieldError,
} from '../problem.ts';
import type { StoredTicket } from '../store/types.ts';
import { bodyKindOf, parseTicketBody, type BodyKind } from '../request-body.ts';
import {
  createdTicketBody,
  publicTicketView,
  submitTicket,
  type TicketServiceDeps,
} from '../tickets/create.ts';
import { answerFormPostsWithPage } from '../tickets/form-post-page.ts';
import { normalizeReference } from '../tickets/reference.ts';
import { checkIdempotencyKey, createTicketValidator, honeypotFilled } from '../tickets/validate.ts';

export interface TicketRouteDeps extends TicketServiceDeps {
  limiter: RateLimiter;
  maxBodyBytes: number;
  /**
   * The public build, whose contact page answers a refused form post from a browser without
   * scripts; without it such a post gets the problem as JSON.
   */
  publicDir?: () => string;
}

export function ticketRoutes(deps: TicketRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const validate = createTicketValidator(deps.support.topics.map((topic) => topic.id));

  const formPostPages = deps.publicDir
    ? { publicDir: deps.publicDir, maxBodyBytes: deps.maxBodyBytes }
    : undefined;

  routes.post(
    '/',
    answerFormPostsWithPage(formPostPages),
    // The body first: only a request that arrived whole (and within the limit) takes a slot, so
    // slow or abandoned uploads cannot use up a client's tickets.
    readBodyWithin(deps.maxBodyBytes),
    limitTicketCreation(deps.limiter),
    async (c) => {
      const kind = bodyKindOf(c.req.header('content-type'));
      const fields = parseTicketBody(c.get('body'), kind);
      if (honeypotFilled(fields)) {
        return problemResponse({
          type: problemTypes.spamSuspected,
          title: 'Submission looks automated',
          status: 422,
          detail: 'A field people never see was filled in, so nothing was stored.',
        });
      }
      const key = idempotencyKeyOf(c.req.header('idempotency-key'), fields['idempotencyKey']);
      const errors: FieldError[] = [];
      const keyError = key === undefined ? undefined : checkIdempotencyKey(key);
      if (keyError) errors.push(keyError);
      const result = validate(fields);
      if (!result.ok) errors.push(...result.errors);
      if (!result.ok || errors.length > 0) throw new ProblemError(validationProblem(errors));

      const outcome = await submitTicket(deps, result.value, key);
      if (outcome.outcome === 'key-reused') {
        return problemResponse({
          type: problemTypes.idempotencyKeyReused,
          title: 'Idempotency key already used for another ticket',
          status: 422,
          detail:
            'This Idempotency-Key was sent before with a different ticket. Retry with the same ' +
            'body to get that ticket, or use a new key for a new ticket.',
          errors: [{ field: 'Idempotency-Key', message: 'already used with a different body' }],
        });
      }
      return createdResponse(outcome.ticket, kind, outcome.outcome === 'replayed');
    },
  );

  routes.get('/:reference', async (c) => {
    const reference = normalizeReference(c.req.param('reference'));
    const ticket = reference ? await deps.store.findByReference(reference) : undefined;
    if (!ticket) {
      return problemResponse(
        notFoundProblem('No ticket has this reference; check it against the confirmation email.'),
      );
    }
    return c.json(publicTicketView(ticket));
  });

  return routes;
}

function idempotencyKeyOf(header: string | undefined, formField: unknown): string | undefined {
  if (header !== undefined) return header.trim();
  return typeof formField === 'string' && formField.trim() !== '' ? formField.trim() : undefined;
}

/** JSON clients get 201 and the ticket; a form post is sent on to the confirmation page (303). */
function createdResponse(ticket: StoredTicket, kind: BodyKind, replayed: boolean): Response {
  const headers: Record<string, string> = replayed ? { 'Idempotent-Replayed': 'true' } : {};
  if (kind === 'form') {
    const ref = encodeURIComponent(ticket.reference);
    headers['Location'] = `/${ticket.locale}/contact/sent/?ref=${ref}`;
    return new Response(null, { status: 303, headers });
  }
  headers['Location'] = `/api/tickets/${encodeURIComponent(ticket.reference)}`;
  headers['Content-Type'] = 'application/json';
  return new Response(JSON.stringify(createdTicketBody(ticket)), { status: 201, headers });
}
