/**
 * The body of POST /api/helpdesk/events: one event, or { events: [...] } with up to 100. Checked
 * with zod at the route edge; every message names the field and says what to send instead.
 * Unknown fields are ignored, so the helpdesk may send more than we read.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { FieldError } from '../problem.ts';
import { fieldErrorsOf } from '../problem.ts';
import { slaEventTypes } from '../sla/ticket-events.ts';
import { normalizeReference } from '../tickets/reference.ts';

/** Most events in one request. */
export const maxEventsPerRequest = 100;

// An event dated far from now is a bug in the sender, not an SLA fact.
const EARLIEST = Temporal.Instant.from('2000-01-01T00:00:00Z');
/** How far in the future an event may be dated (the two clocks may differ a little). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

const bodyMessage =
  'the body must be one event {"id", "type", "reference", "at"} or {"events": [...]} with up to 100';

const atMessage = 'at must be an ISO-8601 instant with an offset, such as 2026-12-01T09:30:00Z';

/** One event; `now` bounds `at` so an event cannot be dated in the future. */
export function helpdeskEventSchema(now: () => Temporal.Instant) {
  return z.object(
    {
      /** The helpdesk's own id of the event, 1–255 visible ASCII characters; a repeat is harmless. */
      id: z
        .string({
          error: (issue) => (issue.input === undefined ? 'id is required' : 'id must be text'),
        })
        .regex(/^[\x21-\x7E]{1,255}$/, {
          error: 'id must be 1–255 visible ASCII characters, such as "evt_123"',
        }),
      /** first-reply, pause (waiting on the customer), resume or solve. */
      type: z.enum(slaEventTypes, { error: `type must be one of: ${slaEventTypes.join(', ')}` }),
      /** The ticket's reference as the customer got it ("HB-7K2M9Q0Z"); spaces and case are forgiven. */
      reference: z
        .string({
          error: (issue) =>
            issue.input === undefined ? 'reference is required' : 'reference must be text',
        })
        .transform((value, context) => {
          const reference = normalizeReference(value);
          if (reference) return reference;
          context.addIssue({
            code: 'custom',
            message: `reference "${value}" is not a ticket reference; send it as HB- and 8 characters, such as HB-7K2M9Q0Z`,
          });
          return z.NEVER;
        }),
      /** When it happened in the helpdesk; stored in UTC with milliseconds. */
      at: z
        .string({ error: (issue) => (issue.input === undefined ? 'at is required' : atMessage) })
        .transform((value, context) => {
          let instant: Temporal.Instant;
          try {
            instant = Temporal.Instant.from(value);
          } catch {
            context.addIssue({ code: 'custom', message: atMessage });
            return z.NEVER;
          }
          const latest = now().add({ milliseconds: FUTURE_TOLERANCE_MS });
          if (
            Temporal.Instant.compare(instant, EARLIEST) < 0 ||
            Temporal.Instant.compare(instant, latest) > 0
          ) {
            context.addIssue({
              code: 'custom',
              message: `at ${value} is in the future or before 2000; send the moment it happened in the helpdesk`,
            });
            return z.NEVER;
          }
          return instant.toString({ fractionalSecondDigits: 3 });
        }),
    },
    { error: bodyMessage },
  );
}

export type HelpdeskEvent = z.output<ReturnType<typeof helpdeskEventSchema>>;

/** A batch: { events: [...] } with 1 to 100 events. */
export function helpdeskBatchSchema(now: () => Temporal.Instant) {
  return z.object(
    {
      /** The events, applied in `at` order per ticket whatever their order here. */
      events: z
        .array(helpdeskEventSchema(now), { error: 'events must be a list of events' })
        .min(1, { error: 'events must list at least one event' })
        .max(maxEventsPerRequest, {
          error: `events may list at most ${maxEventsPerRequest} events; send more in several requests`,
        }),
    },
    { error: bodyMessage },
  );
}

export type HelpdeskBody =
  { batch: false; events: [HelpdeskEvent] } | { batch: true; events: HelpdeskEvent[] };

/** The events of a parsed JSON body, or the field errors (field paths like "events.2.at"). */
export function readHelpdeskBody(
  body: unknown,
  now: () => Temporal.Instant,
): { ok: true; value: HelpdeskBody } | { ok: false; errors: FieldError[] } {
  const batch = typeof body === 'object' && body !== null && 'events' in body;
  // Parse with the matching branch only, so the errors speak about what was sent.
  const schema = batch ? helpdeskBatchSchema(now) : helpdeskEventSchema(now);
  const result = schema.safeParse(body);
  if (!result.success)
    return {
      ok: false,
      errors: fieldErrorsOf(result.error.issues),
    };
  const data = result.data;
  return 'events' in data
    ? { ok: true, value: { batch: true, events: data.events } }
    : { ok: true, value: { batch: false, events: [data] } };
}
