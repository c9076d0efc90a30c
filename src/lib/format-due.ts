import { localeInfo, type Locale } from '../i18n/locales.ts';

/**
 * "Tuesday 1 December, 08:00" in the reader's language. In the browser the reader's own time zone
 * is used; the server, which does not know it, passes the team's zone and shows its name.
 */
export function formatDue(locale: Locale, instant: string, timeZone?: string): string {
  // Russian says "до <date>", which takes the genitive; Intl gives the weekday in the nominative
  // ("до вторник"), so Russian shows the date and time without it.
  const weekday = locale === 'ru' ? {} : ({ weekday: 'long' } as const);
  return new Intl.DateTimeFormat(localeInfo[locale].tag, {
    ...weekday,
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone, timeZoneName: 'short' } : {}),
  }).format(new Date(instant));
}

/** A local opening time ("08:00") of an instant. */
export function formatTime(locale: Locale, instant: string): string {
  return new Intl.DateTimeFormat(localeInfo[locale].tag, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** Fills {{placeholders}} of an i18next string in the browser, where i18next is not loaded. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    String(values[name] ?? match),
  );
}
