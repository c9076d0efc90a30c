import { SlidingWindowLimiter } from '../../../src/server/middleware/rate-limit.ts';
import { describeRateLimiter } from './rate-limiter.contract.ts';

// One machine on SQLite counts in memory: one instance is all there is.
describeRateLimiter(
  'in memory',
  async (_bucket, limit, now) => new SlidingWindowLimiter(limit, now),
);
