import { localeInfo, type Locale } from '../i18n/locales.ts';
import { instantOf, localMoment } from './zoned-clock.ts';

/**
 * A team's weekly opening hours moved to another time zone, for the hours table a reader sees in
 * their own zone. Days can shift: Monday 08:00–20:00 in Amsterdam is Monday 16:00–24:00 and
 * Tuesday 00:00–04:00 in Seoul in winter, so a period is split at the reader's midnight.
 */

/** A period of a local day in minutes, end exclusive; 1440 is the midnight that ends the day. */
export interface MinutePeriod {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Periods per weekday, 1 = Monday … 7 = Sunday. */
export type WeekPeriods = Readonly<Record<number, readonly MinutePeriod[]>>;

const DAY_MINUTES = 1440;

/**
 * The week of `teamZone` as it reads in `readerZone`, with the offsets of the week around `now`
 * (so summer and winter time are those of the week the reader is looking at).
 */
export function weekInZone(
  week: WeekPeriods,
  teamZone: string,
  readerZone: string,
  now: Date | number = Date.now(),
): Record<number, MinutePeriod[]> {
  const today = localMoment(now, teamZone);
  const monday = today.epochDay - (today.weekday - 1);
  const result: Record<number, MinutePeriod[]> = {
    1: [],
    2: [],
    3: [],
    4: [],
    5: [],
    6: [],
    7: [],
  };
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = monday + weekday - 1;
    for (const period of week[weekday] ?? []) {
      const start = localMoment(instantOf(day, period.startMinute, teamZone), readerZone);
      const end = localMoment(instantOf(day, period.endMinute, teamZone), readerZone);
      // Walk from the start to the end, one reader's day at a time.
      let cursor = { weekday: start.weekday, epochDay: start.epochDay, minute: start.minute };
      while (cursor.epochDay < end.epochDay) {
        if (cursor.minute < DAY_MINUTES)
          result[cursor.weekday]!.push({ startMinute: cursor.minute, endMinute: DAY_MINUTES });
        cursor = { weekday: (cursor.weekday % 7) + 1, epochDay: cursor.epochDay + 1, minute: 0 };
      }
      if (end.minute > cursor.minute)
        result[cursor.weekday]!.push({ startMinute: cursor.minute, endMinute: end.minute });
    }
  }
  for (const weekday of Object.keys(result)) result[+weekday] = merge(result[+weekday]!);
  return result;
}

/** Sorted, with touching or overlapping periods of one day joined. */
function merge(periods: MinutePeriod[]): MinutePeriod[] {
  const sorted = [...periods].sort((a, b) => a.startMinute - b.startMinute);
  const merged: MinutePeriod[] = [];
  for (const period of sorted) {
    const last = merged.at(-1);
    if (last && period.startMinute <= last.endMinute)
      merged[merged.length - 1] = {
        startMinute: last.startMinute,
        endMinute: Math.max(last.endMinute, period.endMinute),
      };
    else merged.push(period);
  }
  return merged;
}

/** "08:00" for a minute of the day, through Intl; the closing midnight is "24:00". */
export function formatMinute(locale: Locale, minute: number): string {
  if (minute >= DAY_MINUTES) return formatMinute(locale, 0).replace(/^00/, '24');
  return new Intl.DateTimeFormat(localeInfo[locale].intl, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 0, 5, 0, minute)));
}

/** "09:00–12:30, 13:30–18:00", or null for a day without opening hours. */
export function formatPeriods(locale: Locale, periods: readonly MinutePeriod[]): string | null {
  if (periods.length === 0) return null;
  return periods
    .map((p) => `${formatMinute(locale, p.startMinute)}–${formatMinute(locale, p.endMinute)}`)
    .join(', ');
}

/** The weekday's name ("Monday", "월요일"); 1 = Monday. */
export function weekdayName(locale: Locale, weekday: number): string {
  // 5 January 2026 is a Monday.
  return new Intl.DateTimeFormat(localeInfo[locale].intl, {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 0, 4 + weekday)));
}
