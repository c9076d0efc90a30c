import { describe, expect, it } from 'vitest';
import {
  addBusinessHours,
  addCalendarHours,
  dueAt,
  firstBusinessMoment,
  isOpenAt,
} from '../../../src/server/sla/clock.ts';
import { ams, emailCalendar, inAms, nightCalendar } from './helpers.ts';

const firstMoment = (local: string) => inAms(firstBusinessMoment(emailCalendar, ams(local)));
const plusBusiness = (local: string, hours: number) =>
  inAms(addBusinessHours(emailCalendar, ams(local), hours));

describe('the first business moment', () => {
  it('is the moment of receipt when the team is open', () => {
    expect(firstMoment('2026-11-25 10:15')).toBe('2026-11-25T10:15+01:00');
  });

  it('is the opening time when received before hours', () => {
    expect(firstMoment('2026-11-25 07:30')).toBe('2026-11-25T09:00+01:00');
    expect(firstMoment('2026-11-30 07:59')).toBe('2026-11-30T08:00+01:00');
  });

  it('is the next morning’s opening when received after hours', () => {
    expect(firstMoment('2026-11-25 18:30')).toBe('2026-11-26T09:00+01:00');
  });

  it('is the moment of receipt when received exactly at opening', () => {
    expect(firstMoment('2026-11-30 08:00')).toBe('2026-11-30T08:00+01:00');
    expect(isOpenAt(emailCalendar, ams('2026-11-30 08:00'))).toBe(true);
  });

  it('is the next opening when received exactly at closing (the end is exclusive)', () => {
    expect(isOpenAt(emailCalendar, ams('2026-11-25 18:00'))).toBe(false);
    expect(firstMoment('2026-11-25 18:00')).toBe('2026-11-26T09:00+01:00');
    expect(firstMoment('2026-12-01 20:00')).toBe('2026-12-02T09:00+01:00');
  });

  it('is Monday 08:00 when received on Saturday after 16:00 or on Sunday', () => {
    expect(firstMoment('2026-11-28 16:00')).toBe('2026-11-30T08:00+01:00');
    expect(firstMoment('2026-11-28 16:30')).toBe('2026-11-30T08:00+01:00');
    expect(firstMoment('2026-11-29 12:00')).toBe('2026-11-30T08:00+01:00');
  });

  it('skips King’s Day: received Sunday 26 April 2026 starts Tuesday 28 April 08:00', () => {
    expect(firstMoment('2026-04-26 20:00')).toBe('2026-04-28T08:00+02:00');
    expect(firstMoment('2026-04-27 11:00')).toBe('2026-04-28T08:00+02:00');
  });

  it('skips Easter weekend: received Saturday 4 April 2026 evening starts Tuesday 7 April', () => {
    expect(firstMoment('2026-04-04 17:00')).toBe('2026-04-07T08:00+02:00');
  });

  it('skips Christmas: received Thursday 24 December 2026 at closing starts Monday 28 December', () => {
    expect(firstMoment('2026-12-24 18:00')).toBe('2026-12-28T08:00+01:00');
  });
});

describe('adding business hours', () => {
  it('carries the rest over to the next day', () => {
    expect(plusBusiness('2026-11-25 16:00', 4)).toBe('2026-11-26T11:00+01:00');
  });

  it('skips Sunday when crossing a weekend', () => {
    expect(plusBusiness('2026-11-28 14:00', 4)).toBe('2026-11-30T10:00+01:00');
  });

  it('skips a weekend and King’s Day together', () => {
    expect(plusBusiness('2026-04-25 15:00', 4)).toBe('2026-04-28T11:00+02:00');
  });

  it('is due at closing time when the target runs out exactly at closing', () => {
    expect(plusBusiness('2026-11-27 14:00', 4)).toBe('2026-11-27T18:00+01:00');
    expect(plusBusiness('2026-11-28 12:00', 4)).toBe('2026-11-28T16:00+01:00');
  });

  it('starts counting at the next opening when started outside hours', () => {
    expect(plusBusiness('2026-11-29 22:00', 4)).toBe('2026-11-30T12:00+01:00');
  });

  it('counts fractions of an hour', () => {
    expect(plusBusiness('2026-11-25 17:15', 1.5)).toBe('2026-11-26T09:45+01:00');
  });

  it('counts only the 5 real hours of the spring-forward night', () => {
    const due = addBusinessHours(nightCalendar, ams('2026-03-29 00:00'), 6);
    expect(inAms(due)).toBe('2026-03-30T01:00+02:00');
  });

  it('counts all 7 real hours of the fall-back night', () => {
    const due = addBusinessHours(nightCalendar, ams('2026-10-25 00:00'), 7);
    expect(inAms(due)).toBe('2026-10-25T06:00+01:00');
  });

  it('refuses a negative number of hours', () => {
    expect(() => addBusinessHours(emailCalendar, ams('2026-11-25 10:00'), -1)).toThrow(RangeError);
  });
});

describe('calendar hours', () => {
  it('are 24 real hours across the spring-forward change, so the local clock shows one hour later', () => {
    const start = ams('2026-03-28 12:00');
    const due = addCalendarHours(start, 24);
    expect(inAms(due)).toBe('2026-03-29T13:00+02:00');
    expect(start.until(due).total('hours')).toBe(24);
  });

  it('are 24 real hours across the fall-back change, so the local clock shows one hour earlier', () => {
    const start = ams('2026-10-24 12:00');
    const due = addCalendarHours(start, 24);
    expect(inAms(due)).toBe('2026-10-25T11:00+01:00');
    expect(start.until(due).total('hours')).toBe(24);
  });
});

describe('due dates', () => {
  it('starts a calendar target at the first business moment: Sunday 22:00 → Monday 08:00 → Tuesday 08:00', () => {
    const { startsAt, dueAt: due } = dueAt(emailCalendar, ams('2026-11-29 22:00'), {
      hours: 24,
      clock: 'calendar',
    });
    expect(inAms(startsAt)).toBe('2026-11-30T08:00+01:00');
    expect(inAms(due)).toBe('2026-12-01T08:00+01:00');
  });

  it('runs a calendar target through closed hours once started', () => {
    const { dueAt: due } = dueAt(emailCalendar, ams('2026-11-28 15:00'), {
      hours: 24,
      clock: 'calendar',
    });
    expect(inAms(due)).toBe('2026-11-29T15:00+01:00');
  });

  it('counts a business target in open hours only: Friday 17:00 + 4 → Saturday 13:00', () => {
    const { startsAt, dueAt: due } = dueAt(emailCalendar, ams('2026-11-27 17:00'), {
      hours: 4,
      clock: 'business',
    });
    expect(inAms(startsAt)).toBe('2026-11-27T17:00+01:00');
    expect(inAms(due)).toBe('2026-11-28T13:00+01:00');
  });
});
