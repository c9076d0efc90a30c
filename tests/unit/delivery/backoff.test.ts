import { describe, expect, it } from 'vitest';
import {
  backoffCeilingMs,
  defaultBackoff,
  retryDelayMs,
} from '../../../src/server/delivery/backoff.ts';

const policy = { baseMs: 30_000, capMs: 3_600_000 };

describe('retry backoff', () => {
  it('waits at most 30 seconds after the first failed attempt and doubles the ceiling each time', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => backoffCeilingMs(attempts, policy))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000,
    ]);
  });

  it('never waits more than the cap of one hour, however many attempts failed', () => {
    expect(backoffCeilingMs(8, policy)).toBe(3_600_000);
    expect(backoffCeilingMs(50, policy)).toBe(3_600_000);
    expect(backoffCeilingMs(100_000, policy)).toBe(3_600_000);
    expect(retryDelayMs(100_000, policy, () => 0.999999)).toBeLessThan(3_600_000);
  });

  it('draws the wait from zero up to the ceiling (full jitter)', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(3, policy, () => 0.999999)).toBe(119_999);
  });

  it('stays within bounds and spreads the waits when the random source is real', () => {
    for (const attempts of [1, 2, 4, 8, 12]) {
      const ceiling = backoffCeilingMs(attempts, policy);
      const waits = Array.from({ length: 500 }, () => retryDelayMs(attempts, policy));
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...waits)).toBeLessThan(ceiling);
      // 500 uniform draws: nearly all distinct, and both halves of the range are used.
      expect(new Set(waits).size).toBeGreaterThan(400);
      expect(waits.some((wait) => wait < ceiling / 2)).toBe(true);
      expect(waits.some((wait) => wait >= ceiling / 2)).toBe(true);
    }
  });

  it('treats a zeroth or negative attempt like the first', () => {
    expect(backoffCeilingMs(0, policy)).toBe(30_000);
    expect(backoffCeilingMs(-3, policy)).toBe(30_000);
  });

  it('defaults to a 30-second base and a one-hour cap', () => {
    expect(defaultBackoff).toEqual(policy);
    expect(backoffCeilingMs(1)).toBe(30_000);
  });
});
