import { Temporal } from 'temporal-polyfill';
import type { BusinessCalendar, OpenInterval, Weekday } from './types.ts';

/**
 * Expands a team's weekly hours and closed dates into concrete open intervals of instants.
 * This is the only place that knows about local time: daylight saving time, weekdays and holidays
 * are resolved here, once, and the clock works on instants afterwards (the idea of zendesk's biz).
 */

/**
 * A calendar with no open time for this many days in a row is a configuration mistake (every day
 * closed, or a closure list covering a year); stop instead of searching forever.
 */
const MAX_CONSECUTIVE_CLOSED_DAYS = 366;

/**
 * The instant of a local wall-clock minute on a date. Minute 1440 ("24:00") is the start of the
 * next day. DST is settled here with Temporal's 'compatible' disambiguation, on purpose:
 * - a local time that does not exist (the spring-forward gap, 02:00–03:00 in Amsterdam on the last
 *   Sunday of March) moves forward by the length of the gap, so 02:30 becomes 03:30 summer time;
 * - an ambiguous local time (the repeated hour on the last Sunday of October) takes the earlier
 *   offset, so 02:30 is the first 02:30 (summer time, +02:00).
 */
export function instantAtLocalMinute(
  date: Temporal.PlainDate,
  minute: number,
  timeZone: string,
): Temporal.Instant {
  const day = minute >= 1440 ? date.add({ days: 1 }) : date;
  const minuteOfDay = minute % 1440;
  const time = new Temporal.PlainTime(Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  return day
    .toPlainDateTime(time)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    .toInstant();
}

/** The open intervals of one local date, in order; none when the date is closed. */
export function openIntervalsOnDate(
  calendar: BusinessCalendar,
  date: Temporal.PlainDate,
): OpenInterval[] {
  if (calendar.isClosedOn(date)) return [];
  const intervals: OpenInterval[] = [];
  for (const period of calendar.week[date.dayOfWeek as Weekday]) {
    const start = instantAtLocalMinute(date, period.startMinute, calendar.timeZone);
    const end = instantAtLocalMinute(date, period.endMinute, calendar.timeZone);
    // A period that lies wholly inside a spring-forward gap collapses to nothing.
    if (Temporal.Instant.compare(start, end) < 0) intervals.push({ start, end });
  }
  return intervals;
}

function later(a: Temporal.Instant, b: Temporal.Instant): Temporal.Instant {
  return Temporal.Instant.compare(a, b) >= 0 ? a : b;
}

/**
 * Open intervals that end after `from`, in order, without end. Intervals that touch or overlap
 * (20:00–24:00 followed by 00:00–06:00) are joined, so "closes at" is the real closing time and
 * an interval never ends at a moment the team is in fact still open. The first interval may start
 * before `from` when `from` is inside it.
 */
export function* openIntervalsAfter(
  calendar: BusinessCalendar,
  from: Temporal.Instant,
): Generator<OpenInterval, never, undefined> {
  // Start a day early: an interval open at `from` may have begun on the previous local date.
  let date = from.toZonedDateTimeISO(calendar.timeZone).toPlainDate().subtract({ days: 1 });
  let pending: OpenInterval | undefined;
  let closedDays = 0;
  for (;;) {
    const intervals = openIntervalsOnDate(calendar, date);
    closedDays = intervals.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CONSECUTIVE_CLOSED_DAYS) {
      throw new Error(
        `No open hours in the ${MAX_CONSECUTIVE_CLOSED_DAYS} days before ${date.toString()} ` +
          `(${calendar.timeZone}): check the weekly hours and closures of this calendar.`,
      );
    }
    for (const interval of intervals) {
      if (pending && Temporal.Instant.compare(interval.start, pending.end) <= 0) {
        pending = { start: pending.start, end: later(pending.end, interval.end) };
        continue;
      }
      if (pending && Temporal.Instant.compare(pending.end, from) > 0) yield pending;
      pending = interval;
    }
    date = date.add({ days: 1 });
    // Hand out an interval as soon as the next date can no longer extend it.
    const nextDayStarts = instantAtLocalMinute(date, 0, calendar.timeZone);
    if (pending && Temporal.Instant.compare(pending.end, nextDayStarts) < 0) {
      if (Temporal.Instant.compare(pending.end, from) > 0) yield pending;
      pending = undefined;
    }
  }
}

/** The open intervals between two instants, cut to [from, to). */
export function openIntervalsBetween(
  calendar: BusinessCalendar,
  from: Temporal.Instant,
  to: Temporal.Instant,
): OpenInterval[] {
  const result: OpenInterval[] = [];
  if (Temporal.Instant.compare(from, to) >= 0) return result;
  for (const interval of openIntervalsAfter(calendar, from)) {
    if (Temporal.Instant.compare(interval.start, to) >= 0) break;
    const end = Temporal.Instant.compare(interval.end, to) <= 0 ? interval.end : to;
    result.push({ start: later(interval.start, from), end });
  }
  return result;
}

/** How many business hours lie between two instants (0 when `to` is not after `from`). */
export function businessHoursBetween(
  calendar: BusinessCalendar,
  from: Temporal.Instant,
  to: Temporal.Instant,
): number {
  let nanoseconds = 0n;
  for (const { start, end } of openIntervalsBetween(calendar, from, to)) {
    nanoseconds += end.epochNanoseconds - start.epochNanoseconds;
  }
  return Number(nanoseconds) / 3.6e12;
}
