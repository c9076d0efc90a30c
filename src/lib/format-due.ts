import { localeInfo, type Locale } from '../i18n/locales.ts';
import { localMoment } from './zoned-clock.ts';

/**
 * How the help centre writes a moment for a reader: always in a named time zone. In the browser
 * that is the reader's own zone, with the support team's alongside when it differs ("tomorrow at
 * 16:00 Korean Standard Time (08:00 Central European Standard Time for our team)"); the server,
 * which cannot know the reader's zone, names the team's.
 */

/**
 * The sentence frames of a moment, from the locale's UI strings (contact.time.*): the words for
 * today and tomorrow and the order of date and time belong to each language.
 */
export interface TimeWords {
  /** "today at {{time}}" */
  readonly today: string;
  /** "tomorrow at {{time}}" */
  readonly tomorrow: string;
  /** "{{date}} at {{time}}" */
  readonly onDate: string;
  /** "{{reader}} ({{team}} for our team)" */
  readonly withTeam: string;
}

/** The contact.time.* strings of a locale as TimeWords (missing ones fall back to the key). */
export function timeWords(strings: Record<string, string>): TimeWords {
  const word = (key: string) => strings[`contact.time.${key}`] ?? `{{${key}}}`;
  return {
    today: word('today'),
    tomorrow: word('tomorrow'),
    onDate: word('onDate'),
    withTeam: word('withTeam'),
  };
}

export interface DescribeOptions {
  /** The reader's IANA time zone (the browser's). */
  readonly readerZone: string;
  /** The support team's zone, named alongside when its clock differs from the reader's. */
  readonly teamZone?: string | undefined;
  /** What "today" is measured from; default: now. */
  readonly now?: Date | number;
  readonly words: TimeWords;
}

/**
 * A moment as the reader should read it: "today"/"tomorrow" or the date, the time and the zone's
 * name, in the reader's zone, and the team's time beside it when the zones' clocks differ.
 */
export function describeInstant(
  locale: Locale,
  instant: string | Date | number,
  options: DescribeOptions,
): string {
  const at = new Date(instant);
  const now = options.now ?? Date.now();
  const reader = inZone(locale, at, options.readerZone, now, options.words);
  const team = options.teamZone;
  if (!team || sameClock(at, options.readerZone, team)) return reader;
  // The team's side names its date only when it is another day than the reader's.
  const sameDay = localMoment(at, team).epochDay === localMoment(at, options.readerZone).epochDay;
  const teamText = sameDay
    ? timeWithZone(locale, at, team)
    : inZone(locale, at, team, now, options.words);
  return fill(options.words.withTeam, { reader, team: teamText });
}

/** "today at 16:00 Korean Standard Time", "1 декабря в 10:00 …": one zone, no second opinion. */
function inZone(locale: Locale, at: Date, zone: string, now: Date | number, words: TimeWords) {
  const time = timeWithZone(locale, at, zone);
  const days = localMoment(at, zone).epochDay - localMoment(now, zone).epochDay;
  if (days === 0) return fill(words.today, { time });
  if (days === 1) return fill(words.tomorrow, { time });
  return fill(words.onDate, { date: formatDate(locale, at, zone), time });
}

/** Two zones whose clocks read the same at `at` (Amsterdam and Paris) need no second time. */
function sameClock(at: Date, a: string, b: string): boolean {
  if (a === b) return true;
  const x = localMoment(at, a);
  const y = localMoment(at, b);
  return x.epochDay === y.epochDay && x.minute === y.minute;
}

/** "16:00 Korean Standard Time": the time and the zone's full name, in the reader's language. */
export function timeWithZone(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(localeInfo[locale].intl, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'long',
  }).format(at);
}

/**
 * "Tuesday 1 December". Russian puts these dates after prepositions that take the genitive
 * ("до", "с"); Intl gives the weekday in the nominative ("до вторник"), so Russian leaves it out.
 */
function dateOptions(locale: Locale): Intl.DateTimeFormatOptions {
  return locale === 'ru'
    ? { day: 'numeric', month: 'long' }
    : { weekday: 'long', day: 'numeric', month: 'long' };
}

export function formatDate(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(localeInfo[locale].intl, {
    ...dateOptions(locale),
    timeZone,
  }).format(at);
}

/**
 * "Tuesday 1 December at 08:00 Central European Standard Time" in one Intl call, for the server
 * (the no-script confirmation page, the team's email), which names the team's zone. Without a
 * zone: the runtime's own zone, unnamed. `zoneName` 'short' gives "MEZ" or "GMT+1", enough for
 * agents; readers get the 'long' name.
 */
export function formatDue(
  locale: Locale,
  instant: string,
  timeZone?: string,
  zoneName: 'short' | 'long' = 'short',
): string {
  return new Intl.DateTimeFormat(localeInfo[locale].intl, {
    ...dateOptions(locale),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone, timeZoneName: zoneName } : {}),
  }).format(new Date(instant));
}

/** Fills {{placeholders}} of an i18next string in the browser, where i18next is not loaded. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    String(values[name] ?? match),
  );
}
