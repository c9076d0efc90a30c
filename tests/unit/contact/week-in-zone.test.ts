import { describe, expect, it } from 'vitest';
import { formatPeriods, weekInZone } from '../../../src/lib/week-in-zone.ts';

const h = (start: number, end: number) => ({ startMinute: start * 60, endMinute: end * 60 });
const week = { 1: [h(8, 20)], 2: [h(8, 20)], 3: [h(9, 18)], 4: [], 5: [], 6: [h(10, 16)], 7: [] };
const winter = Date.parse('2026-12-02T12:00:00Z');
const summer = Date.parse('2026-07-01T12:00:00Z');

describe('opening hours moved to the reader’s time zone', () => {
  it('splits an evening in Amsterdam over two days in Seoul', () => {
    const seoul = weekInZone(week, 'Europe/Amsterdam', 'Asia/Seoul', winter);
    expect(seoul[1]).toEqual([h(16, 24)]);
    // Monday's 00:00–04:00 spill-over joins Tuesday's own 16:00–24:00.
    expect(seoul[2]).toEqual([h(0, 4), h(16, 24)]);
    expect(seoul[3]).toEqual([h(0, 4), h(17, 24)]);
    expect(seoul[4]).toEqual([h(0, 2)]);
    expect(seoul[6]).toEqual([h(18, 24)]);
    expect(seoul[7]).toEqual([]);
    expect(formatPeriods('en', seoul[2]!)).toBe('00:00–04:00, 16:00–24:00');
  });

  it('uses the summer offset in summer', () => {
    const seoul = weekInZone(week, 'Europe/Amsterdam', 'Asia/Seoul', summer);
    expect(seoul[1]).toEqual([h(15, 24)]);
    expect(seoul[2]).toEqual([h(0, 3), h(15, 24)]);
  });

  it('moves the hours earlier for a reader west of the team', () => {
    const london = weekInZone(week, 'Europe/Amsterdam', 'Europe/London', winter);
    expect(london[1]).toEqual([h(7, 19)]);
    expect(london[6]).toEqual([h(9, 15)]);
    expect(formatPeriods('en', london[4]!)).toBeNull();
  });

  it('leaves the week as written in the team’s own zone', () => {
    expect(weekInZone(week, 'Europe/Amsterdam', 'Europe/Amsterdam', winter)).toEqual(week);
  });
});
