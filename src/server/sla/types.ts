import type { Temporal } from 'temporal-polyfill';

/**
 * The vocabulary of the business-time engine. Business time is a list of concrete, half-open
 * intervals of instants ([start, end)); everything about weekdays, holidays and daylight saving
 * time is settled once, when a weekly schedule is expanded into those intervals (calendar.ts).
 * After that the clock only adds and compares instants, so it cannot get DST wrong.
 */

/** ISO weekday numbers, as Temporal uses them: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * One opening period of a day, in local wall-clock minutes since midnight.
 * `startMinute` runs 0–1439 and `endMinute` 1–1440 (1440 is "24:00", the end of the day);
 * start is always before end, so a period never crosses midnight. A team open through the night
 * lists 20:00–24:00 on one day and 00:00–06:00 on the next; the expansion joins them.
 */
export interface LocalPeriod {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Opening periods per weekday, sorted and not overlapping; an empty list means closed all day. */
export type WeeklyHours = Readonly<Record<Weekday, readonly LocalPeriod[]>>;

/**
 * Everything the engine needs to know about when one team is open.
 * `isClosedOn` answers for whole local dates (public holidays, company closures): a closed date
 * has no open time at all, whatever the weekly hours say.
 */
export interface BusinessCalendar {
  /** IANA time zone the weekly hours and closed dates are written in ("Europe/Amsterdam"). */
  readonly timeZone: string;
  readonly week: WeeklyHours;
  isClosedOn(date: Temporal.PlainDate): boolean;
}

/** A concrete open interval: open from `start` (inclusive) until `end` (exclusive). */
export interface OpenInterval {
  readonly start: Temporal.Instant;
  readonly end: Temporal.Instant;
}

/**
 * How a target is measured. calendar: elapsed real time, nights and Sundays included.
 * business: only the time inside open intervals counts.
 */
export type ClockKind = 'calendar' | 'business';

/** A response-time target such as "4 business hours". */
export interface Target {
  /** Length of the target in hours; fractions are allowed (0.5 is thirty minutes). */
  readonly hours: number;
  readonly clock: ClockKind;
}
