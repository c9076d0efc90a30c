import type { Locale } from '../../i18n/locales.ts';
import type { BusinessCalendar, Target, WeeklyHours } from '../sla/types.ts';
import type { Channel, Priority } from './schema.ts';

/** The support configuration as the service and the contact page see it, after loading. */

export type { Channel, Priority } from './schema.ts';

export interface Team {
  /** Stable id, such as "email-en" or "phone-de". */
  readonly id: string;
  readonly locale: Locale;
  readonly channel: Channel;
  /** IANA time zone of the team's hours, from its calendar. */
  readonly timeZone: string;
  /** Name of the weekly schedule in schedules.yaml. */
  readonly schedule: string;
  /** Name of the calendar in calendars.yaml. */
  readonly calendar: string;
  /** The inbox new tickets are emailed to; every email team has one (phone teams may not). */
  readonly address?: string | undefined;
  /** The number readers call, as written ("+31 20 794 8120"); every phone team has one. */
  readonly phone?: string | undefined;
  /** Weekly opening hours, local time. */
  readonly week: WeeklyHours;
  /** Hours, time zone and closed dates together: what the SLA engine works with. */
  readonly businessCalendar: BusinessCalendar;
}

export interface Topic {
  readonly id: string;
  /** Help-centre category id, such as "buying". */
  readonly category: string;
  readonly priority: Priority;
  /** Contact-form label in every locale. */
  readonly title: Readonly<Record<Locale, string>>;
}

export interface SlaPolicy {
  readonly priority: Priority;
  /** First reply from the email team of the request's locale. */
  readonly firstReply: Target;
}

export interface SupportConfig {
  /** Every team, in the order of teams.yaml. */
  teams: Team[];
  /** Contact topics in the order of the contact form (the order of topics.yaml). */
  topics: Topic[];
  /** The SLA policy of each priority. */
  policies: Readonly<Record<Priority, SlaPolicy>>;
  /** Share of a target used (0 < x < 1) from which a ticket without a reply is at risk. */
  atRisk: number;
  topic(id: string): Topic | undefined;
  team(locale: Locale, channel: Channel): Team | undefined;
  teamById(id: string): Team | undefined;
}
