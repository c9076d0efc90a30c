/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl, so the browser needs no
 * Temporal polyfill: where an instant falls on a zone's calendar, and which instant a zone's local
 * date and minute stand for.
 */

export interface LocalMoment {
  /** Days since 1970-01-01 of the local date; differences count calendar days. */
  readonly epochDay: number;
  /** 1 = Monday … 7 = Sunday, as the support schedules number them. */
  readonly weekday: number;
  /** Minute of the local day, 0–1439. */
  readonly minute: number;
}

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function numericFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at `ms`, read as if it were UTC (milliseconds, whole seconds). */
function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of numericFormat(timeZone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(
    parts['year']!,
    parts['month']! - 1,
    parts['day']!,
    parts['hour']!,
    parts['minute']!,
    parts['second']!,
  );
}

/** Where `instant` falls on the calendar of `timeZone`. */
export function localMoment(instant: Date | number, timeZone: string): LocalMoment {
  const wall = wallClock(+instant, timeZone);
  const epochDay = Math.floor(wall / DAY_MS);
  const minute = Math.floor((wall - epochDay * DAY_MS) / 60_000);
  // 1970-01-01 was a Thursday (4).
  const weekday = ((((epochDay + 3) % 7) + 7) % 7) + 1;
  return { epochDay, weekday, minute };
}

/**
 * The instant of a local date and minute in `timeZone` (minute 1440 is the next midnight). In a
 * hour a DST change skips or repeats, the earlier of the two readings wins.
 */
export function instantOf(epochDay: number, minute: number, timeZone: string): number {
  const wall = epochDay * DAY_MS + minute * 60_000;
  const first = wall - (wallClock(wall, timeZone) - wall);
  const second = wall - (wallClock(first, timeZone) - first);
  return Math.min(first, second);
}

/** The reader's own time zone, as the browser reports it. */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
