import { Temporal } from 'temporal-polyfill';
import type { BusinessCalendar, LocalPeriod, WeeklyHours } from '../../../src/server/sla/types.ts';
import { isHoliday } from '../../../src/server/support/holidays.ts';

/** Small builders so the engine tests read like the support lead's calendar. */

export const AMSTERDAM = 'Europe/Amsterdam';

/** The instant of a local wall-clock time in Amsterdam: ams('2026-11-29 22:00'). */
export function ams(local: string): Temporal.Instant {
  return Temporal.PlainDateTime.from(local.replace(' ', 'T'))
    .toZonedDateTime(AMSTERDAM)
    .toInstant();
}

/** Local time and offset in Amsterdam, to the minute: "2026-03-29T13:00+02:00". */
export function inAms(instant: Temporal.Instant): string {
  return instant
    .toZonedDateTimeISO(AMSTERDAM)
    .toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}

function period(text: string): LocalPeriod {
  const [start = '', end = ''] = text.split('-');
  const minutes = (time: string) => {
    const [hours = 0, minutes = 0] = time.split(':').map(Number);
    return hours * 60 + minutes;
  };
  return { startMinute: minutes(start), endMinute: minutes(end) };
}

/** Weekly hours from "HH:MM-HH:MM" lists, Monday first; missing days are closed. */
export function week(
  days: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', string[]>>,
): WeeklyHours {
  const of = (list: string[] | undefined) => (list ?? []).map(period);
  return {
    1: of(days.mon),
    2: of(days.tue),
    3: of(days.wed),
    4: of(days.thu),
    5: of(days.fri),
    6: of(days.sat),
    7: of(days.sun),
  };
}

export function calendar(
  hours: WeeklyHours,
  options: { closedDates?: string[]; dutchHolidays?: boolean; timeZone?: string } = {},
): BusinessCalendar {
  const timeZone = options.timeZone ?? AMSTERDAM;
  const closed = new Set(options.closedDates ?? []);
  return {
    timeZone,
    week: hours,
    isClosedOn: (date) =>
      closed.has(date.toString()) ||
      (options.dutchHolidays === true &&
        isHoliday({ country: 'NL', types: ['public'] }, timeZone, date)),
  };
}

/** The email teams' hours: Mon–Tue 08–20, Wed–Fri 09–18, Sat 10–16, Sunday closed. */
export const emailHours = week({
  mon: ['08:00-20:00'],
  tue: ['08:00-20:00'],
  wed: ['09:00-18:00'],
  thu: ['09:00-18:00'],
  fri: ['09:00-18:00'],
  sat: ['10:00-16:00'],
});

/** The email teams' calendar with the Dutch public holidays, as shipped. */
export const emailCalendar = calendar(emailHours, { dutchHolidays: true });

const everyNight = ['00:00-06:00'];
/** Open 00:00–06:00 every day: the night a clock changes has 5 or 7 such hours. */
export const nightCalendar = calendar(
  week({
    mon: everyNight,
    tue: everyNight,
    wed: everyNight,
    thu: everyNight,
    fri: everyNight,
    sat: everyNight,
    sun: everyNight,
  }),
);
