import { describe, expect, test } from 'vitest';
import { nearestRank } from '../../../src/server/reports/build.ts';
import { reportWeeks, weekOfDay } from '../../../src/server/reports/period.ts';

describe('report weeks', () => {
  test('are ISO weeks ending with the week of now, oldest first', () => {
    expect(reportWeeks(new Date('2026-12-30T12:00:00Z'), 2)).toEqual([
      { id: '2026-W52', fromDay: '2026-12-21', toDay: '2026-12-28' },
      { id: '2026-W53', fromDay: '2026-12-28', toDay: '2027-01-04' },
    ]);
  });

  test('a Sunday belongs to the week that began on the Monday before', () => {
    expect(weekOfDay('2027-01-03')).toBe('2026-W53');
    expect(weekOfDay('2027-01-04T00:00:00.000Z')).toBe('2027-W01');
  });
});

describe('nearest-rank percentiles', () => {
  test('take the smallest value with at least that share at or below it', () => {
    expect(nearestRank([4, 5.5, 21], 0.5)).toBe(5.5);
    expect(nearestRank([4, 5.5, 21], 0.9)).toBe(21);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});
