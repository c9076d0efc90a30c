import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  businessHoursBetween,
  openIntervalsAfter,
  openIntervalsBetween,
  openIntervalsOnDate,
} from '../../../src/server/sla/calendar.ts';
import type { OpenInterval } from '../../../src/server/sla/types.ts';
import { ams, calendar, emailCalendar, inAms, nightCalendar, week } from './helpers.ts';

const shown = (intervals: OpenInterval[]) =>
  intervals.map(({ start, end }) => `${inAms(start)} → ${inAms(end)}`);

const date = (iso: string) => Temporal.PlainDate.from(iso);

describe('expanding weekly hours into open intervals', () => {
  it('lists the opening hours of a week, with Sunday closed', () => {
    expect(
      shown(openIntervalsBetween(emailCalendar, ams('2026-11-28 00:00'), ams('2026-12-01 00:00'))),
    ).toEqual([
      '2026-11-28T10:00+01:00 → 2026-11-28T16:00+01:00',
      '2026-11-30T08:00+01:00 → 2026-11-30T20:00+01:00',
    ]);
  });

  it('cuts the intervals to the instants asked for', () => {
    expect(
      shown(openIntervalsBetween(emailCalendar, ams('2026-11-30 12:30'), ams('2026-11-30 13:15'))),
    ).toEqual(['2026-11-30T12:30+01:00 → 2026-11-30T13:15+01:00']);
  });

  it('closes the whole local date of a Dutch public holiday (King’s Day, Monday 27 April 2026)', () => {
    expect(openIntervalsOnDate(emailCalendar, date('2026-04-27'))).toEqual([]);
    expect(shown(openIntervalsOnDate(emailCalendar, date('2026-04-28')))).toEqual([
      '2026-04-28T08:00+02:00 → 2026-04-28T20:00+02:00',
    ]);
  });

  it('closes Easter Monday and both Christmas days, but not Good Friday (not a public holiday)', () => {
    expect(openIntervalsOnDate(emailCalendar, date('2026-04-06'))).toEqual([]);
    expect(openIntervalsOnDate(emailCalendar, date('2026-12-25'))).toEqual([]);
    expect(openIntervalsOnDate(emailCalendar, date('2026-12-26'))).toEqual([]);
    expect(openIntervalsOnDate(emailCalendar, date('2026-04-03'))).toHaveLength(1);
  });

  it('closes an extra company closure date', () => {
    const withClosure = calendar(emailCalendar.week, { closedDates: ['2026-12-31'] });
    expect(openIntervalsOnDate(withClosure, date('2026-12-31'))).toEqual([]);
    expect(openIntervalsOnDate(withClosure, date('2026-12-30'))).toHaveLength(1);
  });

  it('has 5 open hours in the 00:00–06:00 night when clocks go forward (29 March 2026)', () => {
    const night = openIntervalsOnDate(nightCalendar, date('2026-03-29'));
    expect(shown(night)).toEqual(['2026-03-29T00:00+01:00 → 2026-03-29T06:00+02:00']);
    expect(
      businessHoursBetween(nightCalendar, ams('2026-03-29 00:00'), ams('2026-03-29 12:00')),
    ).toBe(5);
    expect(
      businessHoursBetween(nightCalendar, ams('2026-03-28 00:00'), ams('2026-03-28 12:00')),
    ).toBe(6);
  });

  it('has 7 open hours in the 00:00–06:00 night when clocks go back (25 October 2026)', () => {
    const night = openIntervalsOnDate(nightCalendar, date('2026-10-25'));
    expect(shown(night)).toEqual(['2026-10-25T00:00+02:00 → 2026-10-25T06:00+01:00']);
    expect(
      businessHoursBetween(nightCalendar, ams('2026-10-25 00:00'), ams('2026-10-25 12:00')),
    ).toBe(7);
  });

  it('moves an opening time that does not exist (spring-forward gap) forward by the gap', () => {
    const lateNight = calendar(week({ sun: ['02:30-05:00'] }));
    expect(shown(openIntervalsOnDate(lateNight, date('2026-03-29')))).toEqual([
      '2026-03-29T03:30+02:00 → 2026-03-29T05:00+02:00',
    ]);
  });

  it('drops a period that lies wholly inside the spring-forward gap', () => {
    const gapOnly = calendar(week({ sun: ['02:00-03:00'] }));
    expect(openIntervalsOnDate(gapOnly, date('2026-03-29'))).toEqual([]);
    expect(openIntervalsOnDate(gapOnly, date('2026-04-05'))).toHaveLength(1);
  });

  it('takes the earlier offset for an ambiguous local time on the fall-back night', () => {
    const lateNight = calendar(week({ sun: ['02:30-05:00'] }));
    const [interval] = openIntervalsOnDate(lateNight, date('2026-10-25'));
    expect(interval?.start.toString()).toBe('2026-10-25T00:30:00Z');
    expect(shown(openIntervalsOnDate(lateNight, date('2026-10-25')))).toEqual([
      '2026-10-25T02:30+02:00 → 2026-10-25T05:00+01:00',
    ]);
  });

  it('joins periods that meet at midnight into one open interval', () => {
    const overnight = calendar(week({ mon: ['20:00-24:00'], tue: ['00:00-06:00'] }));
    const first = openIntervalsAfter(overnight, ams('2026-11-30 21:00')).next().value;
    expect(shown([first])).toEqual(['2026-11-30T20:00+01:00 → 2026-12-01T06:00+01:00']);
  });

  it('reports a calendar that never opens instead of searching for ever', () => {
    const neverOpen = calendar(week({}));
    expect(() => openIntervalsAfter(neverOpen, ams('2026-01-01 00:00')).next()).toThrow(
      /No open hours/,
    );
  });
});
