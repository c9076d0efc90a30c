import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { LocalPeriod } from '../sla/types.ts';
import { idPattern } from '../../lib/ids.ts';

/**
 * Field schemas shared by the support files, each with messages a support lead can act on:
 * what is missing or wrong, what was found, and what to write instead.
 */

/** Chooses the message for a missing field or a wrong value, and shows what was found. */
export function says(missing: string, wrong: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? missing : `${wrong} (found ${JSON.stringify(issue.input)})`;
}

/** An object whose unknown fields are reported by name, with the fields that are allowed. */
export function fields<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}; ` +
          `check the spelling (allowed: ${allowed})`
        : issue.input === undefined
          ? 'this section is missing'
          : 'expected a block of fields here (name: value lines, indented)',
  });
}

export const id = (what: string, example: string) =>
  z
    .string({ error: says(`${what} is missing`, `${what} must be text such as "${example}"`) })
    .regex(idPattern, {
      error: `${what} must be lower case letters, digits and dashes, such as "${example}"`,
    });

/** A name that reads as an id, used for the keys of schedules and calendars. */
export const idKey = z.string().regex(idPattern, {
  error: 'names must be lower case letters, digits and dashes, such as "email-extended"',
});

const PERIOD = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

/** Reads "08:00-20:00" into minutes; returns the advice to show when it cannot. */
export function parsePeriod(text: string): LocalPeriod | string {
  const hint =
    'write opening hours as "HH:MM-HH:MM" between 00:00 and 24:00, such as "09:00-18:00"';
  const match = PERIOD.exec(text.trim());
  if (!match) return `"${text}" is not a period of time; ${hint}`;
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const minuteOf = (hour: number, minute: number) =>
    hour <= 24 && minute <= 59 && (hour < 24 || minute === 0) ? hour * 60 + minute : undefined;
  const start = minuteOf(startHour, startMinute);
  const end = minuteOf(endHour, endMinute);
  const shown = (hour: number, minute: number) =>
    `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (start === undefined)
    return `"${shown(startHour, startMinute)}" is not a time of day; ${hint}`;
  if (end === undefined) return `"${shown(endHour, endMinute)}" is not a time of day; ${hint}`;
  if (start >= end) {
    return `"${text}" ends before it starts; a period cannot cross midnight, so split it into "…-24:00" on one day and "00:00-…" on the next`;
  }
  return { startMinute: start, endMinute: end };
}

export const period = z
  .string({ error: says('a period is missing', 'a period must be text such as "09:00-18:00"') })
  .transform((text, context) => {
    const parsed = parsePeriod(text);
    if (typeof parsed === 'string') {
      context.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

export const day = (name: string) =>
  z
    .array(period, {
      error: says(
        `${name} is missing; list its opening hours, such as ${name}: ["09:00-18:00"], or write ${name}: [] when closed`,
        `${name} must be a list of periods such as ["09:00-18:00"], or [] when closed`,
      ),
    })
    .superRefine((periods, context) => {
      periods.forEach((current, index) => {
        const previous = periods[index - 1];
        if (previous && current.startMinute < previous.endMinute) {
          context.addIssue({
            code: 'custom',
            path: [index],
            message: 'periods overlap or are out of order; list them from morning to evening',
          });
        }
      });
    });

export const timeZone = z
  .string({
    error: says('timeZone is missing', 'timeZone must be text such as "Europe/Amsterdam"'),
  })
  .transform((name, context) => {
    try {
      // Temporal knows the IANA names and spells them canonically ("europe/amsterdam" works too).
      return Temporal.Now.zonedDateTimeISO(name).timeZoneId;
    } catch {
      context.addIssue({
        code: 'custom',
        message: `unknown time zone "${name}"; use an IANA name such as "Europe/Amsterdam"`,
      });
      return z.NEVER;
    }
  });

export const isoDate = z
  .string({
    error: says('date is missing', 'date must be written as YYYY-MM-DD, such as 2026-12-31'),
  })
  .transform((text, context) => {
    try {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new RangeError(text);
      return Temporal.PlainDate.from(text, { overflow: 'reject' });
    } catch {
      context.addIssue({
        code: 'custom',
        message: `"${text}" is not a date; write it as YYYY-MM-DD, such as 2026-12-31`,
      });
      return z.NEVER;
    }
  });
