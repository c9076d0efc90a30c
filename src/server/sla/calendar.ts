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

/**
 * Open intervals per calendar and local date. Working out a date takes time-zone arithmetic and a
 * holiday lookup (about 0.1 ms with the Temporal polyfill), and the reports work out the same few
 * weeks for tens of thousands of tickets; a calendar never changes once loaded, so a date's
 * intervals are worked out once. Bounded: a calendar's memory is dropped past `maxMemoDates`.
 */
const memo = new WeakMap<BusinessCalendar, Map<string, OpenInterval[]>>();
const maxMemoDates = 5000;

const dayStarts = new Map<string, Temporal.Instant>();
const adjacentDates = new Map<string, Temporal.PlainDate>();

/** The date before (-1) or after (1) `date`, remembered. */
function nextDate(date: Temporal.PlainDate, step: 1 | -1): Temporal.PlainDate {
  const key = `${date.toString()}|${step}`;
  let next = adjacentDates.get(key);
  if (!next) {
    if (adjacentDates.size >= maxMemoDates) adjacentDates.clear();
    next = date.add({ days: step });
    adjacentDates.set(key, next);
  }
  return next;
}

const utcDates = new Map<string, Temporal.PlainDate>();

/** The UTC calendar date of an instant. */
function utcDateOf(at: Temporal.Instant): Temporal.PlainDate {
  const key = new Date(at.epochMilliseconds).toISOString().slice(0, 10);
  let date = utcDates.get(key);
  if (!date) {
    if (utcDates.size >= maxMemoDates) utcDates.clear();
    date = Temporal.PlainDate.from(key);
    utcDates.set(key, date);
  }
  return date;
}

/** Local midnight of a date as an instant, remembered like the intervals (bounded the same way). */
function startOfLocalDate(date: Temporal.PlainDate, timeZone: string): Temporal.Instant {
  const key = `${timeZone}|${date.toString()}`;
  let start = dayStarts.get(key);
  if (!start) {
    if (dayStarts.size >= maxMemoDates) dayStarts.clear();
    start = instantAtLocalMinute(date, 0, timeZone);
    dayStarts.set(key, start);
  }
  return start;
}

/** The open intervals of one local date, in order; none when the date is closed. */
export function openIntervalsOnDate(
  calendar: BusinessCalendar,
  date: Temporal.PlainDate,
): OpenInterval[] {
  let dates = memo.get(calendar);
  if (!dates) memo.set(calendar, (dates = new Map()));
  const key = date.toString();
  const known = dates.get(key);
  if (known) return known;
  if (dates.size >= maxMemoDates) dates.clear();
  const intervals = computeOpenIntervalsOnDate(calendar, date);
  dates.set(key, intervals);
  return intervals;
}

function computeOpenIntervalsOnDate(
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
  // Start early: an interval open at `from` may have begun on the previous local date. The local
  // date is within a day of the UTC date whatever the zone, so two days before the UTC date is
  // always early enough, and needs no time-zone arithmetic (dates are remembered, so the extra
  // day costs nothing).
  let date = nextDate(nextDate(utcDateOf(from), -1), -1);
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
    date = nextDate(date, 1);
    // Hand out an interval as soon as the next date can no longer extend it.
    const nextDayStarts = startOfLocalDate(date, calendar.timeZone);
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
