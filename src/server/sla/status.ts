import { Temporal } from 'temporal-polyfill';
import { openIntervalsAfter } from './calendar.ts';
import type { BusinessCalendar, Weekday } from './types.ts';

/** What a reader of the contact page needs to know: open now, until when, or when next. */

export interface BusinessStatus {
  readonly openNow: boolean;
  /** End of the open interval `at` is in; null when closed. */
  readonly closesAt: Temporal.Instant | null;
  /** Start of the next open interval; null when open now. */
  readonly nextOpenAt: Temporal.Instant | null;
}

/** A period of local opening hours as people read it: "09:00"–"18:00" ("24:00" is midnight). */
export interface LocalHours {
  readonly start: string;
  readonly end: string;
}

export function statusAt(calendar: BusinessCalendar, at: Temporal.Instant): BusinessStatus {
  const interval = openIntervalsAfter(calendar, at).next().value;
  const openNow = Temporal.Instant.compare(interval.start, at) <= 0;
  return openNow
    ? { openNow, closesAt: interval.end, nextOpenAt: null }
    : { openNow, closesAt: null, nextOpenAt: interval.start };
}

/** "HH:MM" for a minute of the day; 1440 is written "24:00". */
export function formatLocalMinute(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * The opening hours of a local date as the schedule writes them, [] when the date is closed all
 * day (Sunday, a public holiday, a company closure). Shown as written, so on a DST date a period
 * such as 00:00–06:00 reads the same although it lasts 5 or 7 real hours.
 */
export function localHoursOn(calendar: BusinessCalendar, date: Temporal.PlainDate): LocalHours[] {
  if (calendar.isClosedOn(date)) return [];
  return calendar.week[date.dayOfWeek as Weekday].map((period) => ({
    start: formatLocalMinute(period.startMinute),
    end: formatLocalMinute(period.endMinute),
  }));
}

/** The opening hours of the local date `at` falls on, in the calendar's time zone. */
export function localHoursToday(calendar: BusinessCalendar, at: Temporal.Instant): LocalHours[] {
  return localHoursOn(calendar, at.toZonedDateTimeISO(calendar.timeZone).toPlainDate());
}
