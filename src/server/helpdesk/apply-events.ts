/**
 * Applies the helpdesk's events to tickets: each in one store transaction, where the SLA engine
 * folds the ticket's whole event history again (src/server/sla/ticket-events.ts) and decides the
 * new SLA columns. Achieved or breached is written when the first reply arrives.
 */
import { Temporal } from 'temporal-polyfill';
import { notFoundProblem, problemTypes, type Problem } from '../problem.ts';
import { ticketSlaStatus, type FirstReplyState } from '../sla/first-reply.ts';
import { foldSlaEvents } from '../sla/ticket-events.ts';
import type { BusinessCalendar } from '../sla/types.ts';
import type { SlaDecision, SlaState, StoredTicket, TicketStore } from '../store/types.ts';
import type { SupportConfig } from '../support/types.ts';
import type { HelpdeskEvent } from './event-schema.ts';

export interface HelpdeskEventDeps {
  store: TicketStore;
  support: SupportConfig;
  now: () => Temporal.Instant;
}

/** What the helpdesk is told about one event. */
export type EventOutcome =
  | {
      id: string;
      reference: string;
      status: 200;
      /** The same event id was applied before: nothing changed. */
      duplicate: boolean;
      /** Why the event changes nothing, when it does not (a second first reply, say). */
      ignored?: string;
      sla: {
        state: FirstReplyState;
        dueAt: string;
        usedShare: number;
        firstReplyAt: string | null;
      };
    }
  | { id: string; reference: string; status: 404 | 409; problem: Problem };

/** The team's calendar; the locale's email team when the ticket's team left the configuration. */
export function calendarOf(support: SupportConfig, ticket: StoredTicket): BusinessCalendar {
  const team = support.teamById(ticket.team) ?? support.team(ticket.locale, 'email');
  if (!team) throw new Error(`no team "${ticket.team}" nor an email team for ${ticket.locale}`);
  return team.businessCalendar;
}

/** The state stored on the ticket: at-risk is a reading, not a stored fact. */
const storedState = (state: FirstReplyState): SlaState => (state === 'at-risk' ? 'pending' : state);

function decide(
  deps: HelpdeskEventDeps,
  ticket: StoredTicket,
  events: Parameters<Parameters<TicketStore['applyHelpdeskEvent']>[2]>[1],
): SlaDecision {
  const calendar = calendarOf(deps.support, ticket);
  const fold = foldSlaEvents(ticket, events, calendar);
  const newest = events.length - 1;
  if (!fold.ok)
    return {
      outcome: 'refuse',
      reason:
        fold.index === newest
          ? fold.reason
          : `it does not fit the events received before: ${fold.reason}`,
    };
  const status = ticketSlaStatus(
    { ...ticket, ...fold.timeline },
    calendar,
    deps.now(),
    deps.support.atRisk,
  );
  const ignored = fold.ignored.get(newest);
  return {
    outcome: 'apply',
    update: { ...fold.timeline, slaState: storedState(status.state) },
    ...(ignored ? { ignored } : {}),
  };
}

/** Applies one event and says what became of it. */
export async function applyHelpdeskEvent(
  deps: HelpdeskEventDeps,
  event: HelpdeskEvent,
): Promise<EventOutcome> {
  const { id, reference } = event;
  const result = await deps.store.applyHelpdeskEvent(
    reference,
    { externalId: id, type: event.type, at: event.at },
    (ticket, events) => decide(deps, ticket, events),
  );
  switch (result.outcome) {
    case 'unknown-reference':
      return {
        id,
        reference,
        status: 404,
        problem: notFoundProblem(
          `No ticket has the reference ${reference}; check the reference the help centre gave the ticket.`,
        ),
      };
    case 'id-reused':
      return {
        id,
        reference,
        status: 409,
        problem: {
          type: problemTypes.conflict,
          title: 'Event id used for another event',
          status: 409,
          detail: `The event id ${id} was received before for another ticket or event type; give every event its own id.`,
        },
      };
    case 'refused':
      return {
        id,
        reference,
        status: 409,
        problem: {
          type: problemTypes.conflict,
          title: 'The event does not fit the ticket’s history',
          status: 409,
          detail: `The ${event.type} event ${id} was not applied: ${result.reason}.`,
        },
      };
    default: {
      const status = ticketSlaStatus(
        result.ticket,
        calendarOf(deps.support, result.ticket),
        deps.now(),
        deps.support.atRisk,
      );
      return {
        id,
        reference,
        status: 200,
        duplicate: result.outcome === 'duplicate',
        ...(result.outcome === 'applied' && result.ignored ? { ignored: result.ignored } : {}),
        sla: {
          state: status.state,
          dueAt: status.dueAt,
          usedShare: roundShare(status.usedShare),
          firstReplyAt: result.ticket.firstReplyAt,
        },
      };
    }
  }
}

/** Shares are shown to 3 decimals (0.1 %). */
export const roundShare = (share: number) => Math.round(share * 1000) / 1000;

/**
 * Applies a batch in `at` order (so a pause and its resume in one batch fit whatever order they
 * were listed in) and answers in the order sent.
 */
export async function applyHelpdeskEvents(
  deps: HelpdeskEventDeps,
  events: readonly HelpdeskEvent[],
): Promise<EventOutcome[]> {
  const order = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.localeCompare(b.event.at) || a.index - b.index);
  const outcomes: EventOutcome[] = new Array(events.length);
  for (const { event, index } of order) outcomes[index] = await applyHelpdeskEvent(deps, event);
  return outcomes;
}
