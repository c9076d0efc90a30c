import { Temporal } from 'temporal-polyfill';
import { openIntervalsAfter } from './calendar.ts';
import type { BusinessCalendar, OpenInterval, Target } from './types.ts';

/**
 * Clocks on top of the open intervals. Calendar hours are elapsed real time; business hours
 * consume only open time. Both start at the first business moment at or after receipt.
 */

/** `hours` in nanoseconds, rounded to the millisecond so a fraction such as 1/3 hour is stable. */
function hoursToNanoseconds(hours: number): bigint {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`hours must be a finite number of 0 or more, got ${hours}`);
  }
  return BigInt(Math.round(hours * 3_600_000)) * 1_000_000n;
}

function firstOpenIntervalAfter(calendar: BusinessCalendar, at: Temporal.Instant): OpenInterval {
  return openIntervalsAfter(calendar, at).next().value;
}

/** True when `at` lies inside an open interval; the closing instant itself is outside. */
export function isOpenAt(calendar: BusinessCalendar, at: Temporal.Instant): boolean {
  return Temporal.Instant.compare(firstOpenIntervalAfter(calendar, at).start, at) <= 0;
}

/**
 * `at` itself when the team is open then, otherwise the start of the next open interval.
 * Interval ends are exclusive: a request received exactly at closing time starts at the next
 * opening, one received exactly at opening time starts at once.
 */
export function firstBusinessMoment(
  calendar: BusinessCalendar,
  at: Temporal.Instant,
): Temporal.Instant {
  const { start } = firstOpenIntervalAfter(calendar, at);
  return Temporal.Instant.compare(start, at) <= 0 ? at : start;
}

/** `from` plus `hours` of elapsed real time (24 hours across a DST change is 24 real hours). */
export function addCalendarHours(from: Temporal.Instant, hours: number): Temporal.Instant {
  return Temporal.Instant.fromEpochNanoseconds(from.epochNanoseconds + hoursToNanoseconds(hours));
}

/**
 * The instant at which `hours` of open time after `from` have been used up. A target that runs out
 * exactly at closing time is due at closing time, not at the next opening.
 */
export function addBusinessHours(
  calendar: BusinessCalendar,
  from: Temporal.Instant,
  hours: number,
): Temporal.Instant {
  let remaining = hoursToNanoseconds(hours);
  for (const interval of openIntervalsAfter(calendar, from)) {
    const start = Temporal.Instant.compare(interval.start, from) >= 0 ? interval.start : from;
    const available = interval.end.epochNanoseconds - start.epochNanoseconds;
    if (remaining <= available) {
      return Temporal.Instant.fromEpochNanoseconds(start.epochNanoseconds + remaining);
    }
    remaining -= available;
  }
  throw new Error('unreachable: openIntervalsAfter never ends');
}

/** When a target's clock starts and when it runs out, for a request received at `receivedAt`. */
export interface Deadline {
  readonly startsAt: Temporal.Instant;
  readonly dueAt: Temporal.Instant;
}

/**
 * Both clocks start at the first business moment at or after receipt: a normal request sent on
 * Sunday night gets its 24 calendar hours from Monday's opening, not from Sunday night.
 */
export function dueAt(
  calendar: BusinessCalendar,
  receivedAt: Temporal.Instant,
  target: Target,
): Deadline {
  const startsAt = firstBusinessMoment(calendar, receivedAt);
  const due =
    target.clock === 'calendar'
      ? addCalendarHours(startsAt, target.hours)
      : addBusinessHours(calendar, startsAt, target.hours);
  return { startsAt, dueAt: due };
}
