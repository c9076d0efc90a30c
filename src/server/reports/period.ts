/**
 * The weeks a report covers: ISO weeks (Monday to Sunday) in UTC, the newest being the week of
 * "now". UTC because readers' figures are kept per UTC day; a team's local week would shift them
 * by an hour or two at most, and one definition for every figure matters more.
 */
import { Temporal } from 'temporal-polyfill';

export interface ReportWeek {
  /** ISO week, "2026-W49". */
  id: string;
  /** Monday, YYYY-MM-DD (first day in the week). */
  fromDay: string;
  /** The next Monday, YYYY-MM-DD (first day after the week). */
  toDay: string;
}

/** Most weeks one report shows. */
export const maxReportWeeks = 26;

export function isoWeekOf(day: Temporal.PlainDate): string {
  return `${day.yearOfWeek}-W${String(day.weekOfYear).padStart(2, '0')}`;
}

/** The `count` weeks ending with the week of `now`, oldest first. */
export function reportWeeks(now: Date, count: number): ReportWeek[] {
  const today = Temporal.PlainDate.from(now.toISOString().slice(0, 10));
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  return Array.from({ length: count }, (_, index) => {
    const start = monday.subtract({ weeks: count - 1 - index });
    return {
      id: isoWeekOf(start),
      fromDay: start.toString(),
      toDay: start.add({ weeks: 1 }).toString(),
    };
  });
}

const weeksOfDays = new Map<string, string>();

/** The week a UTC day or instant falls in (remembered: a report asks for the same days often). */
export function weekOfDay(dayOrInstant: string): string {
  const day = dayOrInstant.slice(0, 10);
  let week = weeksOfDays.get(day);
  if (!week) {
    if (weeksOfDays.size > 10_000) weeksOfDays.clear();
    week = isoWeekOf(Temporal.PlainDate.from(day));
    weeksOfDays.set(day, week);
  }
  return week;
}

/** Midnight UTC of a day, as the instants tickets are stored with. */
export function startOfDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}
