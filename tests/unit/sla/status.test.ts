import { describe, expect, it } from 'vitest';
import { localHoursToday, statusAt } from '../../../src/server/sla/status.ts';
import { ams, calendar, emailCalendar, inAms, week } from './helpers.ts';

describe('open now, closing time and next opening', () => {
  it('is open with its closing time during hours', () => {
    const status = statusAt(emailCalendar, ams('2026-11-30 12:00'));
    expect(status.openNow).toBe(true);
    expect(status.closesAt && inAms(status.closesAt)).toBe('2026-11-30T20:00+01:00');
    expect(status.nextOpenAt).toBeNull();
  });

  it('is open from the exact opening minute', () => {
    const status = statusAt(emailCalendar, ams('2026-11-25 09:00'));
    expect(status.openNow).toBe(true);
    expect(status.closesAt && inAms(status.closesAt)).toBe('2026-11-25T18:00+01:00');
  });

  it('is closed with the next opening at closing time itself', () => {
    const status = statusAt(emailCalendar, ams('2026-11-28 16:00'));
    expect(status.openNow).toBe(false);
    expect(status.closesAt).toBeNull();
    expect(status.nextOpenAt && inAms(status.nextOpenAt)).toBe('2026-11-30T08:00+01:00');
  });

  it('closes at the real end of a night that runs past midnight', () => {
    const overnight = calendar(week({ mon: ['20:00-24:00'], tue: ['00:00-06:00'] }));
    const status = statusAt(overnight, ams('2026-11-30 23:00'));
    expect(status.closesAt && inAms(status.closesAt)).toBe('2026-12-01T06:00+01:00');
  });
});

describe('today’s opening hours', () => {
  it('lists the local periods of the day as written in the schedule', () => {
    expect(localHoursToday(emailCalendar, ams('2026-11-25 07:00'))).toEqual([
      { start: '09:00', end: '18:00' },
    ]);
  });

  it('is empty on Sunday and on a public holiday', () => {
    expect(localHoursToday(emailCalendar, ams('2026-11-29 12:00'))).toEqual([]);
    expect(localHoursToday(emailCalendar, ams('2026-04-27 12:00'))).toEqual([]);
  });

  it('uses the local date of the calendar’s time zone, not UTC', () => {
    // 23:30 UTC on Sunday is already Monday 00:30 in Amsterdam.
    const mondayInAmsterdam = ams('2026-11-30 00:30');
    expect(mondayInAmsterdam.toString()).toBe('2026-11-29T23:30:00Z');
    expect(localHoursToday(emailCalendar, mondayInAmsterdam)).toEqual([
      { start: '08:00', end: '20:00' },
    ]);
  });

  it('writes midnight at the end of a day as 24:00', () => {
    const lateShift = calendar(week({ fri: ['18:00-24:00'] }));
    expect(localHoursToday(lateShift, ams('2026-11-27 12:00'))).toEqual([
      { start: '18:00', end: '24:00' },
    ]);
  });
});
