import type { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import { locales } from '../../i18n/locales.ts';
import type { BusinessCalendar } from '../sla/types.ts';
import { isHoliday, knownHolidayCountries } from './holidays.ts';
import type {
  calendarsFileSchema,
  schedulesFileSchema,
  slaPoliciesFileSchema,
  teamsFileSchema,
  topicsFileSchema,
} from './schema.ts';
import { priorities } from './schema.ts';
import type { SupportConfig, Team, Topic } from './types.ts';

/**
 * Checks what no single file can check alone (a team's schedule exists, a topic's category
 * exists, every locale has an email team) and assembles the configuration the service uses.
 */

export interface ParsedFiles {
  readonly calendars: z.output<typeof calendarsFileSchema>;
  readonly schedules: z.output<typeof schedulesFileSchema>;
  readonly teams: z.output<typeof teamsFileSchema>;
  readonly policies: z.output<typeof slaPoliciesFileSchema>;
  readonly topics: z.output<typeof topicsFileSchema>;
  readonly categories: readonly string[];
}

export type FileKey = 'calendars' | 'schedules' | 'teams' | 'policies' | 'topics';
export type ReportProblem = (file: FileKey, path: string, message: string) => void;

const oneOf = (names: Iterable<string>) => `use one of: ${[...names].join(', ')}`;

function checkHolidayCountries(files: ParsedFiles, report: ReportProblem): void {
  const countries = new Set(knownHolidayCountries());
  for (const [name, calendar] of Object.entries(files.calendars.calendars)) {
    const country = calendar.holidays?.country;
    if (country !== undefined && !countries.has(country)) {
      report(
        'calendars',
        `calendars.${name}.holidays.country`,
        `date-holidays has no country "${country}"; use an ISO country code such as NL, BE or DE`,
      );
    }
  }
}

function businessCalendars(files: ParsedFiles): Map<string, Omit<BusinessCalendar, 'week'>> {
  const result = new Map<string, Omit<BusinessCalendar, 'week'>>();
  for (const [name, calendar] of Object.entries(files.calendars.calendars)) {
    const { timeZone, holidays } = calendar;
    const closures = new Set(calendar.closures.map((closure) => closure.date.toString()));
    result.set(name, {
      timeZone,
      isClosedOn: (date: Temporal.PlainDate) =>
        closures.has(date.toString()) ||
        (holidays !== undefined && isHoliday(holidays, timeZone, date)),
    });
  }
  return result;
}

function assembleTeams(files: ParsedFiles, report: ReportProblem): Team[] {
  const schedules = files.schedules.schedules;
  const calendars = businessCalendars(files);
  const teams: Team[] = [];
  const seenIds = new Set<string>();
  const seenLines = new Set<string>();
  files.teams.teams.forEach((team, index) => {
    const at = `teams[${index}]`;
    if (seenIds.has(team.id))
      report('teams', `${at}.id`, `"${team.id}" is used twice; give each team its own id`);
    const line = `${team.locale}/${team.channel}`;
    if (seenLines.has(line)) {
      report(
        'teams',
        `${at}`,
        `a second ${team.channel} team for ${team.locale}; keep one team per locale and channel`,
      );
    }
    seenIds.add(team.id);
    seenLines.add(line);
    if (team.channel === 'email' && team.address === undefined) {
      report(
        'teams',
        `${at}.address`,
        `the email team "${team.id}" has no address; add the inbox its tickets are emailed to, ` +
          `such as address: support-${team.locale}@hammerbid.example`,
      );
    }
    if (team.channel === 'phone' && team.phone === undefined) {
      report(
        'teams',
        `${at}.phone`,
        `the phone team "${team.id}" has no phone number; add the number readers call, ` +
          `such as phone: "+31 20 794 8120"`,
      );
    }
    const week = schedules[team.schedule];
    const calendar = calendars.get(team.calendar);
    if (!week) {
      report(
        'teams',
        `${at}.schedule`,
        `unknown schedule "${team.schedule}"; ${oneOf(Object.keys(schedules))}`,
      );
    }
    if (!calendar) {
      report(
        'teams',
        `${at}.calendar`,
        `unknown calendar "${team.calendar}"; ${oneOf(calendars.keys())}`,
      );
    }
    if (week && calendar) {
      teams.push({
        ...team,
        timeZone: calendar.timeZone,
        week,
        businessCalendar: { ...calendar, week },
      });
    }
  });
  for (const locale of locales) {
    if (!files.teams.teams.some((team) => team.locale === locale && team.channel === 'email')) {
      report(
        'teams',
        'teams',
        `no email team for locale "${locale}"; every locale needs one, such as ` +
          `{ id: email-${locale}, locale: ${locale}, channel: email, schedule: …, calendar: … }`,
      );
    }
  }
  return teams;
}

function assembleTopics(files: ParsedFiles, report: ReportProblem): Topic[] {
  const seen = new Set<string>();
  files.topics.topics.forEach((topic, index) => {
    if (seen.has(topic.id)) {
      report(
        'topics',
        `topics[${index}].id`,
        `"${topic.id}" is used twice; give each topic its own id`,
      );
    }
    seen.add(topic.id);
    if (!files.categories.includes(topic.category)) {
      report(
        'topics',
        `topics[${index}].category`,
        `unknown category "${topic.category}"; ${oneOf(files.categories)} (content/structure/categories.yaml)`,
      );
    }
  });
  return files.topics.topics;
}

/** Builds the configuration; every problem found goes to `report` (the result is then unusable). */
export function assembleSupportConfig(files: ParsedFiles, report: ReportProblem): SupportConfig {
  checkHolidayCountries(files, report);
  const teams = assembleTeams(files, report);
  const topics = assembleTopics(files, report);
  const policies = Object.fromEntries(
    priorities.map((priority) => [priority, { priority, ...files.policies.policies[priority] }]),
  ) as SupportConfig['policies'];
  const teamsById = new Map(teams.map((team) => [team.id, team]));
  const teamsByLine = new Map(teams.map((team) => [`${team.locale}/${team.channel}`, team]));
  const topicsById = new Map(topics.map((topic) => [topic.id, topic]));
  return {
    teams,
    topics,
    policies,
    atRisk: files.policies.atRisk,
    topic: (id) => topicsById.get(id),
    team: (locale, channel) => teamsByLine.get(`${locale}/${channel}`),
    teamById: (id) => teamsById.get(id),
  };
}
