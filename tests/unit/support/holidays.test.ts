import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { holidayDates, isHoliday } from '../../../src/server/support/holidays.ts';

const dutchPublic = { country: 'NL', types: ['public'] } as const;

describe('Dutch public holidays', () => {
  it('lists the public holidays of 2026 as local dates', () => {
    expect([...holidayDates(dutchPublic, 'Europe/Amsterdam', 2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-05',
      '2026-04-06',
      '2026-04-27',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('leaves out days that are not of type public (Good Friday, Liberation Day 2026, New Year’s Eve)', () => {
    for (const date of ['2026-04-03', '2026-05-05', '2026-12-31']) {
      expect(isHoliday(dutchPublic, 'Europe/Amsterdam', Temporal.PlainDate.from(date))).toBe(false);
    }
  });

  it('closes more days when a calendar asks for more types', () => {
    const withSchoolDays = { country: 'NL', types: ['public', 'school'] } as const;
    expect(
      isHoliday(withSchoolDays, 'Europe/Amsterdam', Temporal.PlainDate.from('2026-04-03')),
    ).toBe(true);
  });

  it('computes each year once and reuses it', () => {
    const first = holidayDates(dutchPublic, 'Europe/Amsterdam', 2027);
    expect(holidayDates(dutchPublic, 'Europe/Amsterdam', 2027)).toBe(first);
    expect(first.has('2027-04-27')).toBe(true);
  });

  it('keeps the local date in the team’s own time zone', () => {
    expect(isHoliday(dutchPublic, 'America/New_York', Temporal.PlainDate.from('2026-04-27'))).toBe(
      true,
    );
    expect(isHoliday(dutchPublic, 'America/New_York', Temporal.PlainDate.from('2026-04-26'))).toBe(
      false,
    );
  });
});
