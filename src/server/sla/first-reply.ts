import { Temporal } from 'temporal-polyfill';
import { businessHoursBetween } from './calendar.ts';
import { addBusinessHours } from './clock.ts';
import type { BusinessCalendar, ClockKind } from './types.ts';

/**
 * Whether a ticket's first reply is on time: achieved, breached, at risk, still pending or
 * paused while the team waits on the customer. Pure: the ticket's SLA facts, its team's calendar
 * and an instant in, a status out. The helpdesk's events (ticket-events.ts) produce the facts.
 *
 * A pause stops the clock. The time paused is kept in the target's own clock (real time for a
 * calendar target, open time for a business target), so the due time moves later by exactly the
 * time the clock stood still: a ticket paused from Friday 17:00 to Monday 10:00 on a 4-business-
 * hour target loses the 1 + 2 open hours of Friday evening and Monday morning, not 65 hours.
 */

const MS_PER_HOUR = 3_600_000;

/** What a ticket stores about its first-reply target (ISO-8601 instants in UTC). */
export interface TicketSlaFacts {
  receivedAt: string;
  /** The first business moment at or after receipt: the clock starts here. */
  firstReplyStartsAt: string;
  /** The due time quoted at receipt, before any pause. */
  firstReplyDueAt: string;
  firstReplyHours: number;
  firstReplyClock: ClockKind;
  firstReplyAt: string | null;
  /** Time the clock stood still in finished pauses before the first reply, in the target's clock. */
  pausedMs: number;
  /**
   * Start of the pause going on now, when the ticket waits on the customer. A pause that began
   * after the due time had passed does not stop the clock (the breach happened already).
   */
  pausedSince: string | null;
  /** When the helpdesk solved the ticket; solving without a reply also stops the clock. */
  solvedAt: string | null;
}

/**
 * achieved: replied (or solved) at or before the due time. breached: replied after it, or the
 * due time passed without a reply. at-risk: no reply yet and at least the at-risk share of the
 * target is used. paused: waiting on the customer, the clock stands still. pending: otherwise.
 */
export type FirstReplyState = 'pending' | 'at-risk' | 'paused' | 'achieved' | 'breached';

/**
 * How long the first reply took, two ways (null until there is a reply). Open hours from receipt
 * to reply are left out on purpose: for a calendar target they cost an interval walk per ticket,
 * which made a month's report four times slower, and nobody reads them.
 */
export interface TimeToFirstReply {
  /** Real hours from receipt to the reply, nights and pauses included (what the customer waited). */
  calendarHours: number;
  /**
   * Hours in the target's own clock from the clock's start to the reply, pauses taken out: the
   * figure to compare with the target (reports take median and 90th percentile of it).
   */
  targetClockHours: number;
}

export interface TicketSlaStatus {
  state: FirstReplyState;
  /** ISO instant the first reply is due, moved later by the pauses so far. */
  dueAt: string;
  /**
   * Share of the target used: 0 before the clock starts, 1 exactly at the due time, more when
   * late. Measured at the reply (or solve) when there is one, else at `now` (frozen while paused).
   */
  usedShare: number;
  timeToFirstReply: TimeToFirstReply | null;
}

/** Stored instants are ISO text to the millisecond; Date.parse reads them ten times faster than
 * the Temporal polyfill's parser (reports read tens of thousands). */
const instant = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Temporal.Instant.from(iso) : Temporal.Instant.fromEpochMilliseconds(ms);
};
const isBefore = (a: Temporal.Instant, b: Temporal.Instant) => Temporal.Instant.compare(a, b) < 0;
const latest = (a: Temporal.Instant, b: Temporal.Instant) => (isBefore(a, b) ? b : a);
const earliest = (a: Temporal.Instant, b: Temporal.Instant) => (isBefore(a, b) ? a : b);

/**
 * Milliseconds of the target's clock between two instants (0 when `to` is not after `from`):
 * real time for a calendar target, the team's open time for a business target.
 */
export function clockMsBetween(
  calendar: BusinessCalendar,
  clock: ClockKind,
  from: Temporal.Instant,
  to: Temporal.Instant,
): number {
  if (!isBefore(from, to)) return 0;
  if (clock === 'calendar') return to.epochMilliseconds - from.epochMilliseconds;
  return Math.round(businessHoursBetween(calendar, from, to) * MS_PER_HOUR);
}

/** The quoted due time moved later by `pausedMs` of the target's clock. */
export function movedDueAt(
  calendar: BusinessCalendar,
  clock: ClockKind,
  quotedDueAt: Temporal.Instant,
  pausedMs: number,
): Temporal.Instant {
  if (pausedMs <= 0) return quotedDueAt;
  if (clock === 'calendar') return quotedDueAt.add({ milliseconds: pausedMs });
  // Starting at the quoted due time is right even when it is a closing time: the paused hours
  // are added from the next opening, exactly as if the target had been that much longer.
  return addBusinessHours(calendar, quotedDueAt, pausedMs / MS_PER_HOUR);
}

/**
 * The pause going on at `now` stops the clock only when it began before the (moved) due time;
 * returns its start then, otherwise null.
 */
function stoppingPause(
  facts: TicketSlaFacts,
  dueBeforePause: Temporal.Instant,
): Temporal.Instant | null {
  if (facts.pausedSince === null) return null;
  const since = instant(facts.pausedSince);
  return isBefore(since, dueBeforePause) || since.equals(dueBeforePause) ? since : null;
}

/**
 * The first-reply status of a ticket at `now`. `atRiskShare` (0 < x < 1, sla-policies.yaml
 * `atRisk`) is the used share from which a ticket without a reply counts as at risk; exactly at
 * the share it is at risk.
 */
export function ticketSlaStatus(
  facts: TicketSlaFacts,
  calendar: BusinessCalendar,
  now: Temporal.Instant,
  atRiskShare: number,
): TicketSlaStatus {
  const clock = facts.firstReplyClock;
  const startsAt = instant(facts.firstReplyStartsAt);
  const targetMs = facts.firstReplyHours * MS_PER_HOUR;
  const dueBeforePause = movedDueAt(
    calendar,
    clock,
    instant(facts.firstReplyDueAt),
    facts.pausedMs,
  );
  const replyAt = facts.firstReplyAt === null ? null : instant(facts.firstReplyAt);
  const solvedAt = facts.solvedAt === null ? null : instant(facts.solvedAt);
  const stoppedAt = replyAt && solvedAt ? earliest(replyAt, solvedAt) : (replyAt ?? solvedAt);
  const pause = stoppedAt ? null : stoppingPause(facts, dueBeforePause);

  // The pause going on now moves the due time too, by the clock time it has lasted so far.
  const ongoingMs = pause ? clockMsBetween(calendar, clock, latest(pause, startsAt), now) : 0;
  const dueAt = movedDueAt(
    calendar,
    clock,
    instant(facts.firstReplyDueAt),
    facts.pausedMs + ongoingMs,
  );

  // The clock runs from its start to the reply, or to now, or to the start of the current pause.
  const measuredTo = stoppedAt ?? pause ?? now;
  const usedMs = Math.max(
    0,
    clockMsBetween(calendar, clock, startsAt, measuredTo) - facts.pausedMs,
  );
  const usedShare = targetMs > 0 ? usedMs / targetMs : 1;

  let state: FirstReplyState;
  if (stoppedAt) state = isBefore(dueAt, stoppedAt) ? 'breached' : 'achieved';
  else if (pause) state = 'paused';
  else if (isBefore(dueAt, now)) state = 'breached';
  else state = usedShare >= atRiskShare ? 'at-risk' : 'pending';

  return {
    state,
    dueAt: dueAt.toString({ fractionalSecondDigits: 3 }),
    usedShare,
    timeToFirstReply: replyAt
      ? {
          calendarHours:
            (replyAt.epochMilliseconds - instant(facts.receivedAt).epochMilliseconds) / MS_PER_HOUR,
          targetClockHours:
            Math.max(0, clockMsBetween(calendar, clock, startsAt, replyAt) - facts.pausedMs) /
            MS_PER_HOUR,
        }
      : null,
  };
}
