import { afterEach, describe, expect, test } from 'vitest';
import type pg from 'pg';
import { openPostgres } from '../../../src/server/store/postgres/database.ts';
import { PostgresRateLimiter } from '../../../src/server/store/postgres/rate-limits.ts';
import { freshPool, usePostgresServer } from './postgres-database.ts';
import { describeRateLimiter } from './rate-limiter.contract.ts';

const server = usePostgresServer('rate_limits');
const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});
let shared: pg.Pool | undefined;

describeRateLimiter('in PostgreSQL', async (bucket, limit, now) => {
  // Limiters opened within one test share one database, as instances do.
  if (!shared || !pools.includes(shared)) {
    shared = await freshPool(server.url);
    pools.push(shared);
  }
  return new PostgresRateLimiter(shared, bucket, limit, now);
});

describe('several instances', () => {
  test('forty requests at once over two instances get exactly the limit', async () => {
    const first = await freshPool(server.url);
    const second = await openPostgres({ url: server.url });
    pools.push(first, second);
    const limit = { max: 7, windowSeconds: 600 };
    const limiters = [first, second].map((pool) => new PostgresRateLimiter(pool, 'tickets', limit));
    const takes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => limiters[i % 2]!.take('203.0.113.9')),
    );
    expect(takes.filter((take) => take.allowed)).toHaveLength(7);
  });
});
