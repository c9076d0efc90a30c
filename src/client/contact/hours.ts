import type { Locale } from '../../i18n/locales.ts';
import { describeInstant, timeWords } from '../../lib/format-due.ts';
import { formatPeriods, weekInZone, type WeekPeriods } from '../../lib/week-in-zone.ts';
import { readerTimeZone } from '../../lib/zoned-clock.ts';
import { localeInfo } from '../../i18n/locales.ts';
import { fetchHours } from './service.ts';

type Say = (key: string, values?: Record<string, string | number>) => string;

/**
 * The channels box in the reader's time zone. The page is built with the hours in the team's
 * zone, named; when the reader's clock reads differently, the table is written again in theirs
 * (days can shift: Monday 20:00 in Amsterdam is Tuesday 04:00 in Seoul) and both zones are named.
 */
export function showHoursInReaderZone(locale: Locale, s: Say): void {
  const root = document.querySelector<HTMLElement>('[data-channels]');
  const teamZone = root?.dataset['teamZone'];
  const readerZone = readerTimeZone();
  if (!root || !teamZone || teamZone === readerZone) return;
  const readerName = zoneName(locale, readerZone);
  const teamName = zoneName(locale, teamZone);
  let changed = readerName !== teamName;
  const rewrites: Array<() => void> = [];
  for (const channel of root.querySelectorAll<HTMLElement>('[data-channel][data-week]')) {
    const week = JSON.parse(channel.dataset['week'] ?? '{}') as WeekPeriods;
    const moved = weekInZone(week, channel.dataset['teamZone'] ?? teamZone, readerZone);
    changed ||= JSON.stringify(moved) !== JSON.stringify(normalise(week));
    rewrites.push(() => {
      for (const row of channel.querySelectorAll<HTMLElement>('tr[data-weekday]')) {
        const cell = row.querySelector('td');
        const periods = moved[Number(row.dataset['weekday'])] ?? [];
        if (cell) cell.textContent = formatPeriods(locale, periods) ?? s('contact.channel.closed');
      }
    });
  }
  // Paris reads Amsterdam's clock: nothing to say twice.
  if (!changed) return;
  rewrites.forEach((rewrite) => rewrite());
  const note = root.querySelector<HTMLElement>('[data-hours-zone]');
  if (note) {
    note.textContent = s('contact.hours.readerZone', { zone: readerName, team: teamName });
    note.dataset['readerZone'] = readerZone;
  }
}

/** "Open now, until …" or "Closed now, opens …" for each channel, from /api/hours. */
export async function showOpenChannels(
  locale: Locale,
  s: Say,
  strings: Record<string, string>,
): Promise<void> {
  const channels = await fetchHours(locale);
  const root = document.querySelector<HTMLElement>('[data-channels]');
  if (!root) return;
  const words = timeWords(strings);
  for (const element of root.querySelectorAll<HTMLElement>('[data-channel]')) {
    const status = element.querySelector<HTMLElement>('.channel__status');
    if (!status) continue;
    const hours = channels?.find((c) => c.channel === element.dataset['channel']);
    // The reader's zone only: the note above the table already names the team's, and a status
    // line with two clocks in it no longer reads at a glance.
    const when = (instant: string) =>
      describeInstant(locale, instant, { readerZone: readerTimeZone(), words });
    if (!channels) status.textContent = s('contact.channel.unavailable');
    else if (hours?.openNow && hours.closesAt)
      status.textContent = s('contact.channel.openNow', { when: when(hours.closesAt) });
    else if (hours?.nextOpenAt)
      status.textContent = s('contact.channel.closedNow', { when: when(hours.nextOpenAt) });
    status.classList.toggle('channel__status--open', Boolean(hours?.openNow));
  }
}

/** "Korean Standard Time", "Central European Time": generic, as a weekly table spans DST. */
function zoneName(locale: Locale, timeZone: string): string {
  return (
    new Intl.DateTimeFormat(localeInfo[locale].intl, { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}

function normalise(week: WeekPeriods): Record<number, unknown> {
  return Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((day) => [
      day,
      (week[day] ?? []).map((p) => ({ startMinute: p.startMinute, endMinute: p.endMinute })),
    ]),
  );
}
