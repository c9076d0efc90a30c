import type { Temporal } from 'temporal-polyfill';
import type { Locale } from '../../i18n/locales.ts';
import { dueAt } from '../sla/clock.ts';
import { localHoursToday, statusAt } from '../sla/status.ts';
import type { ClockKind } from '../sla/types.ts';
import { channels } from './schema.ts';
import type { Channel, Priority, SupportConfig, Team } from './types.ts';

/**
 * The two answers the service and the contact page give from the support configuration: when
 * the first reply to a request is due, and who is open now. Instants go out as ISO-8601 strings
 * in UTC ("2026-12-01T07:00:00Z"); the page formats them in the reader's locale and time zone.
 */

export interface FirstReplyRequest {
  readonly locale: Locale;
  readonly priority: Priority;
  readonly receivedAt: Temporal.Instant;
}

export interface FirstReplyQuote {
  /** Id of the email team that answers, such as "email-nl". */
  team: string;
  timeZone: string;
  priority: Priority;
  firstReply: {
    /** ISO-8601 instant the first reply is due. */
    dueAt: string;
    /** Length of the target, from sla-policies.yaml. */
    hours: number;
    clock: ClockKind;
    /** ISO-8601 instant the clock started: the first business moment at or after receipt. */
    startsAt: string;
  };
  /** The email team of the locale is open at `receivedAt`. */
  openNow: boolean;
  /** Start of the next open interval when closed at `receivedAt`; null when open. */
  nextOpenAt: string | null;
}

export interface ChannelHours {
  channel: Channel;
  team: string;
  openNow: boolean;
  /** Local "HH:MM" periods of today's opening hours; [] when closed all day. */
  today: Array<{ start: string; end: string }>;
  /** ISO-8601 instant the team closes, when open now; otherwise null. */
  closesAt: string | null;
  /** ISO-8601 instant of the next opening, when closed now; otherwise null. */
  nextOpenAt: string | null;
}

export interface LocaleHours {
  locale: Locale;
  /** Time zone of the email team; every default team works in Europe/Amsterdam. */
  timeZone: string;
  /** Email first, then phone where the locale has a phone line (not ru and ko). */
  channels: ChannelHours[];
}

function emailTeam(config: SupportConfig, locale: Locale): Team {
  const team = config.team(locale, 'email');
  // The loader refuses a configuration without an email team per locale, so this is a bug.
  if (!team) throw new Error(`no email team for locale "${locale}" in the support configuration`);
  return team;
}

/** When the first reply to a request is due, by the policy of its priority. */
export function quoteFirstReply(
  config: SupportConfig,
  request: FirstReplyRequest,
): FirstReplyQuote {
  const team = emailTeam(config, request.locale);
  const target = config.policies[request.priority].firstReply;
  const deadline = dueAt(team.businessCalendar, request.receivedAt, target);
  const status = statusAt(team.businessCalendar, request.receivedAt);
  return {
    team: team.id,
    timeZone: team.timeZone,
    priority: request.priority,
    firstReply: {
      dueAt: deadline.dueAt.toString(),
      hours: target.hours,
      clock: target.clock,
      startsAt: deadline.startsAt.toString(),
    },
    openNow: status.openNow,
    nextOpenAt: status.nextOpenAt?.toString() ?? null,
  };
}

/** Opening hours of every channel of a locale, as they stand at `at`. */
export function hoursFor(config: SupportConfig, locale: Locale, at: Temporal.Instant): LocaleHours {
  const teams = channels.flatMap((channel) => config.team(locale, channel) ?? []);
  return {
    locale,
    timeZone: emailTeam(config, locale).timeZone,
    channels: teams.map((team) => {
      const status = statusAt(team.businessCalendar, at);
      return {
        channel: team.channel,
        team: team.id,
        openNow: status.openNow,
        today: localHoursToday(team.businessCalendar, at),
        closesAt: status.closesAt?.toString() ?? null,
        nextOpenAt: status.nextOpenAt?.toString() ?? null,
      };
    }),
  };
}
