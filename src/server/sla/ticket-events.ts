import { Temporal } from 'temporal-polyfill';
import { clockMsBetween, movedDueAt, type TicketSlaFacts } from './first-reply.ts';
import type { BusinessCalendar } from './types.ts';

/**
 * The helpdesk's events about a ticket (first reply, pause, resume, solve) folded into the SLA
 * facts the ticket stores. Pure. The whole history is folded again whenever an event arrives, in
 * `at` order, so the result does not depend on the order the webhooks arrived in: a pause that
 * comes in after its resume still stops the clock from the moment it says.
 */

export const slaEventTypes = ['first-reply', 'pause', 'resume', 'solve'] as const;
export type SlaEventType = (typeof slaEventTypes)[number];

export interface SlaEvent {
  type: SlaEventType;
  /** ISO-8601 instant the helpdesk says it happened. */
  at: string;
}

/** The part of the facts the events decide. */
export type SlaTimeline = Pick<
  TicketSlaFacts,
  'firstReplyAt' | 'pausedMs' | 'pausedSince' | 'solvedAt'
>;

/** The part of the facts fixed when the ticket was created. */
export type SlaBase = Pick<
  TicketSlaFacts,
  'receivedAt' | 'firstReplyStartsAt' | 'firstReplyDueAt' | 'firstReplyClock'
>;

export type SlaFold =
  | {
      ok: true;
      timeline: SlaTimeline;
      /** Events that change nothing, by index in the input, with the reason (said to the sender). */
      ignored: Map<number, string>;
    }
  /** The events cannot all have happened: `index` (in the input) is the first that does not fit. */
  | { ok: false; index: number; reason: string };

const isBefore = (a: Temporal.Instant, b: Temporal.Instant) => Temporal.Instant.compare(a, b) < 0;
const iso = (at: Temporal.Instant) => at.toString({ fractionalSecondDigits: 3 });

/**
 * Folds events into the SLA timeline. Rules:
 * - the first first-reply counts; a later one is ignored (it is not the first);
 * - a pause stops the clock until its resume, measured in the target's clock; a pause that
 *   starts after the due time has passed, or after the reply, stops nothing (the outcome is known);
 * - a pause while paused is ignored; a resume without a pause is refused;
 * - solving stops the clock like a reply (a ticket solved without one is not late if solved in time);
 * - no event may be dated before the ticket was received.
 */
export function foldSlaEvents(
  base: SlaBase,
  events: readonly SlaEvent[],
  calendar: BusinessCalendar,
): SlaFold {
  const clock = base.firstReplyClock;
  const receivedAt = Temporal.Instant.from(base.receivedAt);
  const startsAt = Temporal.Instant.from(base.firstReplyStartsAt);
  const quotedDue = Temporal.Instant.from(base.firstReplyDueAt);
  const order = events
    .map((event, index) => ({ ...event, index, instant: Temporal.Instant.from(event.at) }))
    .sort((a, b) => Temporal.Instant.compare(a.instant, b.instant) || a.index - b.index);

  let firstReplyAt: Temporal.Instant | null = null;
  let solvedAt: Temporal.Instant | null = null;
  let pausedSince: Temporal.Instant | null = null;
  /** Whether the open pause stops the clock (it began before the due time and the reply). */
  let counting = false;
  let pausedMs = 0;
  const ignored = new Map<number, string>();
  const stopPause = (at: Temporal.Instant) => {
    if (pausedSince && counting) {
      const from = isBefore(pausedSince, startsAt) ? startsAt : pausedSince;
      pausedMs += clockMsBetween(calendar, clock, from, at);
    }
    counting = false;
  };

  for (const event of order) {
    const at = event.instant;
    if (isBefore(at, receivedAt))
      return {
        ok: false,
        index: event.index,
        reason: `the ${event.type} is dated ${event.at}, before the ticket was received (${base.receivedAt})`,
      };
    const stopped = firstReplyAt !== null || solvedAt !== null;
    switch (event.type) {
      case 'first-reply':
        if (firstReplyAt) {
          ignored.set(event.index, `the first reply was at ${iso(firstReplyAt)} already`);
          break;
        }
        if (!stopped) stopPause(at);
        firstReplyAt = at;
        break;
      case 'solve':
        if (solvedAt) {
          ignored.set(event.index, `the ticket was solved at ${iso(solvedAt)} already`);
          break;
        }
        if (!stopped) stopPause(at);
        solvedAt = at;
        break;
      case 'pause': {
        if (pausedSince) {
          ignored.set(event.index, `the ticket is paused since ${iso(pausedSince)} already`);
          break;
        }
        const due = movedDueAt(calendar, clock, quotedDue, pausedMs);
        pausedSince = at;
        counting = !stopped && !isBefore(due, at);
        break;
      }
      case 'resume':
        if (!pausedSince)
          return {
            ok: false,
            index: event.index,
            reason:
              `the resume at ${event.at} has no pause before it: the ticket was not waiting on ` +
              'the customer then. Send the pause first (a resume that arrived before its pause can be retried).',
          };
        if (!stopped) stopPause(at);
        pausedSince = null;
        counting = false;
        break;
    }
  }
  return {
    ok: true,
    ignored,
    timeline: {
      firstReplyAt: firstReplyAt && iso(firstReplyAt),
      solvedAt: solvedAt && iso(solvedAt),
      pausedSince: pausedSince && iso(pausedSince),
      pausedMs,
    },
  };
}
