/**
 * What every rate limiter promises: the in-memory one of a single instance and the one counted in
 * PostgreSQL for several. Run by rate-limiter.sqlite.test.ts (the in-memory limiter the SQLite
 * setup uses) and rate-limiter.postgres.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { RateLimit, RateLimiter } from '../../../src/server/middleware/rate-limit.ts';

export type OpenRateLimiter = (
  bucket: string,
  limit: RateLimit,
  now: () => number,
) => Promise<RateLimiter>;

export function describeRateLimiter(kind: string, open: OpenRateLimiter): void {
  describe(`the rate limiter ${kind}`, () => {
    test('allows the limit per window, then says when the oldest slot frees up', async () => {
      let now = 1_000_000;
      const limiter = await open('tickets', { max: 2, windowSeconds: 600 }, () => now);
      expect((await limiter.take('a')).allowed).toBe(true);
      now += 200_000;
      expect((await limiter.take('a')).allowed).toBe(true);
      expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 400 });
      expect((await limiter.take('b')).allowed).toBe(true);
      now += 400_000;
      expect((await limiter.take('a')).allowed).toBe(true);
      expect((await limiter.take('a')).allowed).toBe(false);
    });

    test('a released slot can be taken again; kinds of request count apart', async () => {
      const now = () => 5_000_000;
      const tickets = await open('tickets', { max: 1, windowSeconds: 60 }, now);
      const votes = await open('votes', { max: 1, windowSeconds: 60 }, now);
      const slot = await tickets.take('c');
      expect(slot.allowed).toBe(true);
      expect((await votes.take('c')).allowed).toBe(true);
      if (slot.allowed) slot.release();
      await expect.poll(async () => (await tickets.take('c')).allowed).toBe(true);
      expect((await tickets.take('c')).allowed).toBe(false);
    });

    test('clearing one kind of request’s expired hits leaves the others’ windows whole', async () => {
      let now = 9_000_000;
      const tickets = await open('tickets', { max: 1, windowSeconds: 600 }, () => now);
      const votes = await open('votes', { max: 1, windowSeconds: 1 }, () => now);
      expect((await tickets.take('d')).allowed).toBe(true);
      now += 100_000;
      // Enough takes that any periodic clean-up of expired hits has run.
      for (let i = 0; i < 600; i++) await votes.take(`reader-${i}`);
      expect((await tickets.take('d')).allowed).toBe(false);
    });
  });
}
