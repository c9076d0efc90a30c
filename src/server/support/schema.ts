import { z } from 'zod';
import { localeInfo, locales } from '../../i18n/locales.ts';
import type { WeeklyHours } from '../sla/types.ts';
import { day, fields, id, idKey, isoDate, says, timeZone } from './fields.ts';

/**
 * Schemas of the support configuration in content/support/, one per file. Support leads edit
 * these files, so every message says what to write instead (see fields.ts). load.ts adds the file
 * name and field path; assemble.ts checks what one file cannot know alone (a team's schedule
 * exists, a topic's category exists).
 */

// ---------------------------------------------------------------------------------------------
// schedules.yaml

/** The opening hours of one named schedule, for every day of the week. */
export const weeklyScheduleSchema = fields({
  /** Opening periods on Mondays, local time: ["08:00-20:00"]; [] when closed all day. */
  monday: day('monday'),
  /** Opening periods on Tuesdays; same format as monday. */
  tuesday: day('tuesday'),
  /** Opening periods on Wednesdays; same format as monday. */
  wednesday: day('wednesday'),
  /** Opening periods on Thursdays; same format as monday. */
  thursday: day('thursday'),
  /** Opening periods on Fridays; same format as monday. */
  friday: day('friday'),
  /** Opening periods on Saturdays; same format as monday. */
  saturday: day('saturday'),
  /** Opening periods on Sundays; same format as monday. Every day is required so none is forgotten. */
  sunday: day('sunday'),
}).transform((week): WeeklyHours => ({
  1: week.monday,
  2: week.tuesday,
  3: week.wednesday,
  4: week.thursday,
  5: week.friday,
  6: week.saturday,
  7: week.sunday,
}));

export const schedulesFileSchema = fields({
  /**
   * Named weekly schedules, such as "email-extended" and "phone". Several teams can share one;
   * the hours are local time in the time zone of each team's calendar.
   */
  schedules: z.record(idKey, weeklyScheduleSchema, {
    error: 'schedules must be a block of named schedules, such as "phone:" followed by its days',
  }),
});

// ---------------------------------------------------------------------------------------------
// calendars.yaml

export const holidayTypes = ['public', 'bank', 'optional', 'school', 'observance'] as const;

/** One calendar: the time zone teams work in and the dates they are closed all day. */
export const calendarSchema = fields({
  /** IANA time zone of the team's opening hours and closed dates. Required. */
  timeZone,
  /**
   * Public holidays that close the whole local date, from the date-holidays data set. Optional;
   * without it no holiday closes the calendar.
   */
  holidays: fields({
    /** ISO country code known to date-holidays, in capitals ("NL"). */
    country: z
      .string({ error: says('country is missing', 'country must be a country code such as NL') })
      .regex(/^[A-Z]{2}$/, { error: 'country must be a two-letter code in capitals, such as NL' }),
    /**
     * Which kinds of holiday close the teams. Default [public]: in the Netherlands "school" and
     * "observance" days (Good Friday, Liberation Day in most years) are normal working days.
     */
    types: z
      .array(
        z.enum(holidayTypes, {
          error: `a holiday type must be one of: ${holidayTypes.join(', ')}`,
        }),
        { error: 'types must be a list such as [public]' },
      )
      .min(1, { error: 'types needs at least one type, such as [public]' })
      .default(['public']),
  }).optional(),
  /** Extra whole-day closures (company days, one-off events). Default: none. */
  closures: z
    .array(
      fields({
        /** The local date the teams are closed, YYYY-MM-DD. */
        date: isoDate,
        /** Why, for the next person reading the file; not shown to customers. */
        reason: z.string({ error: 'reason must be text' }).optional(),
      }),
      { error: 'closures must be a list such as [{ date: 2026-12-31, reason: Year end }], or []' },
    )
    .default([]),
});

export const calendarsFileSchema = fields({
  /** Named calendars, such as "netherlands"; teams refer to one by name. */
  calendars: z.record(idKey, calendarSchema, {
    error: 'calendars must be a block of named calendars, such as "netherlands:"',
  }),
});

// ---------------------------------------------------------------------------------------------
// teams.yaml

export const channels = ['email', 'phone'] as const;
export type Channel = (typeof channels)[number];

const locale = z.enum(locales, {
  error: says('locale is missing', `locale must be one of: ${locales.join(', ')}`),
});

export const teamSchema = fields({
  /** Stable id used in tickets and reports, such as "email-en". */
  id: id('id', 'email-en'),
  /** The language the team answers in; one of the help centre's locales. */
  locale,
  /** email (also the web form) or phone. One team per locale and channel. */
  channel: z.enum(channels, {
    error: says('channel is missing', 'channel must be "email" or "phone"'),
  }),
  /** Name of a schedule in schedules.yaml: when the team is open. */
  schedule: id('schedule', 'email-extended'),
  /** Name of a calendar in calendars.yaml: time zone, holidays and closures. */
  calendar: id('calendar', 'netherlands'),
  /**
   * The team's inbox: new tickets are emailed here, in the team's language. Required for email
   * teams (assemble.ts checks it); phone teams may leave it out.
   */
  address: z
    .email({
      error: says(
        'address is missing',
        'address must be an email address such as "support-en@hammerbid.example"',
      ),
    })
    .optional(),
  /**
   * The number readers call, shown on the contact page as a tel: link. Required for phone teams
   * (assemble.ts checks it); email teams leave it out. International format, as people dial it
   * from abroad: "+", the country code, then the number; spaces are allowed for reading
   * ("+31 20 794 8120"), nothing else.
   */
  phone: z
    .string({
      error: says('phone is missing', 'phone must be text such as "+31 20 794 8120"'),
    })
    .trim()
    .refine((value) => PHONE.test(value.replace(/ /g, '')), {
      error: (issue) =>
        `phone must be an international number: "+", the country code and the number, with ` +
        `spaces at most, such as "+31 20 794 8120" (found ${JSON.stringify(issue.input)})`,
    })
    .optional(),
});

/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
const PHONE = /^\+[1-9]\d{6,14}$/;

export const teamsFileSchema = fields({
  /** Every support team. Each locale needs an email team; phone is optional. */
  teams: z.array(teamSchema, { error: 'teams must be a list of teams' }),
});

// ---------------------------------------------------------------------------------------------
// sla-policies.yaml

export const priorities = ['normal', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

const target = fields({
  /** Length of the target in hours, more than 0 and at most 720 (30 days); fractions allowed. */
  hours: z
    .number({ error: says('hours is missing', 'hours must be a number such as 24') })
    .positive({ error: 'hours must be more than 0' })
    .max(720, { error: 'hours must be at most 720 (30 days)' }),
  /**
   * calendar: elapsed real time, nights and closed days included. business: only the team's open
   * hours count. Either way the clock starts at the first business moment after receipt.
   */
  clock: z.enum(['calendar', 'business'], {
    error: says('clock is missing', 'clock must be "calendar" or "business"'),
  }),
});

const policy = fields({
  /** Target for the first reply from the email team of the request's locale. */
  firstReply: target,
});

export const slaPoliciesFileSchema = fields({
  /**
   * When a ticket still waiting for its first reply counts as at risk: the share of its target
   * already used, more than 0 and less than 1. Default 0.8 (at risk from 80 % of the target, so
   * 19.2 of 24 hours). Team managers see at-risk tickets in the agents' help centre (/agents/<locale>/sla/).
   */
  atRisk: z
    .number({
      error: says('atRisk is missing', 'atRisk must be a share such as 0.8 (80 % of the target)'),
    })
    .gt(0, { error: 'atRisk must be more than 0; write a share of the target such as 0.8' })
    .lt(1, {
      error:
        'atRisk must be less than 1 (a share of the target, not a percentage); write 0.8 for 80 %',
    })
    .default(0.8),
  /** One policy per priority; both normal and urgent are required. */
  policies: fields({
    /** Requests of everyday topics. */
    normal: policy,
    /** Topics where waiting costs the customer money or their account. */
    urgent: policy,
  }),
});

// ---------------------------------------------------------------------------------------------
// topics.yaml

const titles = fields(
  Object.fromEntries(
    locales.map((code) => [
      code,
      z
        .string({
          error: says(
            `the ${code} title is missing; add a line "${code}: …" with the topic in ${localeInfo[code].nativeName}`,
            `the ${code} title must be text`,
          ),
        })
        .trim()
        .min(1, {
          error: `the ${code} title is empty; write the topic in ${localeInfo[code].nativeName}`,
        }),
    ]),
  ) as Record<(typeof locales)[number], z.ZodString>,
);

export const topicSchema = fields({
  /** Stable id, sent with the contact form and stored on tickets; never rename a live topic. */
  id: id('id', 'payment-blocked'),
  /** Id of a help-centre category in content/structure/categories.yaml, such as "buying". */
  category: id('category', 'buying'),
  /** Which SLA policy applies: normal or urgent. */
  priority: z.enum(priorities, {
    error: says('priority is missing', 'priority must be "normal" or "urgent"'),
  }),
  /** The label on the contact form, in every locale; short, as a reader would say it. */
  title: titles,
});

export const topicsFileSchema = fields({
  /** Contact topics in the order of the contact form. */
  topics: z.array(topicSchema, { error: 'topics must be a list of topics' }),
});
