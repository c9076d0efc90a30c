/**
 * POST /api/helpdesk/events: the helpdesk reports first reply, pause, resume and solve by ticket
 * reference. The raw body is read once and its signature checked before anything is parsed;
 * the route then validates with zod and hands the events to src/server/helpdesk/.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { applyHelpdeskEvents, type HelpdeskEventDeps } from '../helpdesk/apply-events.ts';
import { readHelpdeskBody } from '../helpdesk/event-schema.ts';
import { readBodyWithin } from '../middleware/body-limit.ts';
import { ProblemError, problemResponse, problemTypes } from '../problem.ts';
import { signatureHeader, verifySignature, type SignatureCheck } from '../webhooks/signature.ts';

export interface HelpdeskRouteDeps extends HelpdeskEventDeps {
  /** HELPDESK_WEBHOOK_SECRET; without it the webhook answers 503. */
  secret: string | undefined;
}

/** 100 events of a few hundred bytes each, with room to spare. */
const MAX_BODY_BYTES = 256 * 1024;

const signatureAdvice: Record<Exclude<SignatureCheck, { ok: true }>['reason'], string> = {
  missing: `The ${signatureHeader} header is missing; sign the raw body with HELPDESK_WEBHOOK_SECRET.`,
  malformed: `The ${signatureHeader} header must read t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">.`,
  'too-old':
    'The signature’s timestamp is more than 5 minutes from the service’s clock; sign each delivery (and retry) when sending it, and check the sender’s clock.',
  mismatch:
    'The signature does not match the body: sign the exact bytes sent with HELPDESK_WEBHOOK_SECRET, as HMAC-SHA256 of "<t>.<raw body>".',
};

export function helpdeskRoutes(deps: HelpdeskRouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post(
    '/events',
    async (_c, next) => {
      if (!deps.secret)
        throw new ProblemError({
          type: problemTypes.unavailable,
          title: 'The helpdesk webhook is not configured',
          status: 503,
          detail:
            'Set HELPDESK_WEBHOOK_SECRET (the secret shared with the helpdesk) in the service’s environment and restart it.',
        });
      await next();
    },
    readBodyWithin(MAX_BODY_BYTES),
    async (c) => {
      const raw = new TextDecoder().decode(c.get('body'));
      const check = verifySignature(
        deps.secret!,
        c.req.header(signatureHeader),
        raw,
        Math.floor(deps.now().epochMilliseconds / 1000),
      );
      if (!check.ok)
        throw new ProblemError({
          type: problemTypes.invalidSignature,
          title: 'Webhook signature missing or invalid',
          status: 401,
          detail: signatureAdvice[check.reason],
          reason: check.reason,
        });

      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json')
        throw new ProblemError(
          {
            type: problemTypes.unsupportedMediaType,
            title: 'Unsupported content type',
            status: 415,
            detail: `Content-Type "${type || '(none)'}" is not accepted; send application/json.`,
          },
          { 'Accept-Post': 'application/json' },
        );
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        throw new ProblemError({
          type: problemTypes.malformedBody,
          title: 'The request body could not be read',
          status: 400,
          detail: `The body is not valid JSON: ${String(error)}`,
        });
      }
      const body = readHelpdeskBody(json, deps.now);
      if (!body.ok)
        throw new ProblemError({
          type: problemTypes.invalidEvent,
          title: 'The event is not well formed',
          status: 400,
          detail: `Nothing was applied; fix ${body.errors.map((error) => error.field).join(', ')}.`,
          errors: body.errors,
        });

      const outcomes = await applyHelpdeskEvents(deps, body.value.events);
      if (!body.value.batch) {
        const outcome = outcomes[0]!;
        if (outcome.status === 200) return c.json(outcome);
        return problemResponse({
          ...outcome.problem,
          id: outcome.id,
          reference: outcome.reference,
        });
      }
      const failed = outcomes.filter((outcome) => outcome.status !== 200).length;
      // 207: some events were applied and some not; each result says which.
      return c.json(
        { accepted: outcomes.length - failed, failed, results: outcomes },
        failed === 0 ? 200 : 207,
      );
    },
  );

  return routes;
}
