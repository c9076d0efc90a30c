import Holidays from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import { Temporal } from 'temporal-polyfill';

/**
 * Public holidays from the date-holidays data set, as whole local dates in a team's time zone.
 * Each (source, time zone, year) is computed once and kept: the SLA clock asks about the same
 * dates over and over, and holiday rules (Easter and friends) are not free to evaluate.
 */

export type HolidayType = HolidaysTypes.HolidayType;

/** Which holidays close a calendar; see calendars.yaml. */
export interface HolidaySource {
  /** ISO 3166-1 country code known to date-holidays ("NL"). */
  readonly country: string;
  /** Holiday types that close the team; the default configuration uses only "public". */
  readonly types: readonly HolidayType[];
}

const closedDatesByKey = new Map<string, ReadonlySet<string>>();

/** Country codes date-holidays knows, for configuration checks. */
export function knownHolidayCountries(): string[] {
  return Object.keys(new Holidays().getCountries());
}

/**
 * The local dates ("YYYY-MM-DD") closed by `source`'s holidays that start in `year`. A holiday
 * closes every local date it touches, whole: date-holidays also knows holidays that begin at noon,
 * and a team does not open for half a holiday.
 */
export function holidayDates(
  source: HolidaySource,
  timeZone: string,
  year: number,
): ReadonlySet<string> {
  const key = `${source.country}|${source.types.join(',')}|${timeZone}|${year}`;
  const cached = closedDatesByKey.get(key);
  if (cached) return cached;

  const holidays = new Holidays(source.country, { timezone: timeZone, types: [...source.types] });
  const dates = new Set<string>();
  for (const holiday of holidays.getHolidays(year)) {
    // date-holidays' `types` option also ranks types; filter again so only the listed ones close.
    if (!source.types.includes(holiday.type)) continue;
    const end = Temporal.Instant.fromEpochMilliseconds(holiday.end.getTime());
    let date = Temporal.Instant.fromEpochMilliseconds(holiday.start.getTime())
      .toZonedDateTimeISO(timeZone)
      .toPlainDate();
    do {
      dates.add(date.toString());
      date = date.add({ days: 1 });
    } while (Temporal.Instant.compare(date.toZonedDateTime({ timeZone }).toInstant(), end) < 0);
  }
  closedDatesByKey.set(key, dates);
  return dates;
}

/** True when a holiday of `source` falls on the local `date`. */
export function isHoliday(
  source: HolidaySource,
  timeZone: string,
  date: Temporal.PlainDate,
): boolean {
  const iso = date.toString();
  // A holiday of the previous year may run into January (rare, but the data set allows it).
  return (
    holidayDates(source, timeZone, date.year).has(iso) ||
    holidayDates(source, timeZone, date.year - 1).has(iso)
  );
}
