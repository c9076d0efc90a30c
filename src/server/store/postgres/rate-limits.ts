/**
 * Rate limits counted in PostgreSQL, so several instances behind a load balancer allow each
 * limit once, not once each: the same sliding window as the in-memory SlidingWindowLimiter. A
 * take is one short transaction under an advisory lock for that client and kind of request, so
 * concurrent requests on any instance cannot slip past the limit together. The client (an
 * address, an email) is stored only as a SHA-256, and only for the window.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type {
  RateLimit,
  RateLimiter,
  RateLimiterFactory,
  Take,
} from '../../middleware/rate-limit.ts';
import { inTransaction } from './database.ts';

/** Now and then a take also clears its bucket's expired hits, so clients never seen again go. */
const SWEEP_EVERY = 500;

export class PostgresRateLimiter implements RateLimiter {
  readonly #pool: pg.Pool;
  readonly #bucket: string;
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  #takes = 0;

  constructor(pool: pg.Pool, bucket: string, limit: RateLimit, now: () => number = Date.now) {
    this.#pool = pool;
    this.#bucket = bucket;
    this.#max = limit.max;
    this.#windowMs = limit.windowSeconds * 1000;
    this.#now = now;
  }

  async take(client: string): Promise<Take> {
    const clientHash = createHash('sha256').update(`${this.#bucket}\u0000${client}`).digest('hex');
    const now = this.#now();
    const since = now - this.#windowMs;
    if (++this.#takes % SWEEP_EVERY === 0)
      // Only this kind of request: the others have windows of their own.
      await this.#pool.query('DELETE FROM rate_limit_hits WHERE bucket = $1 AND at_ms <= $2', [
        this.#bucket,
        since,
      ]);
    return inTransaction(this.#pool, async (db): Promise<Take> => {
      await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [clientHash]);
      await db.query(
        'DELETE FROM rate_limit_hits WHERE bucket = $1 AND client_hash = $2 AND at_ms <= $3',
        [this.#bucket, clientHash, since],
      );
      const { rows } = await db.query<{ hits: number; oldest: number | null }>(
        `SELECT count(*)::int AS hits, min(at_ms) AS oldest FROM rate_limit_hits
         WHERE bucket = $1 AND client_hash = $2`,
        [this.#bucket, clientHash],
      );
      const { hits, oldest } = rows[0] ?? { hits: 0, oldest: null };
      if (hits >= this.#max) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(
            1,
            Math.ceil(((oldest ?? now) + this.#windowMs - now) / 1000),
          ),
        };
      }
      const inserted = await db.query<{ id: number }>(
        'INSERT INTO rate_limit_hits (bucket, client_hash, at_ms) VALUES ($1, $2, $3) RETURNING id',
        [this.#bucket, clientHash, now],
      );
      const id = inserted.rows[0]!.id;
      let released = false;
      return {
        allowed: true,
        // Giving a slot back is best effort: if it fails, the hit simply expires with the window.
        release: () => {
          if (released) return;
          released = true;
          void this.#pool.query('DELETE FROM rate_limit_hits WHERE id = $1', [id]).catch(() => {});
        },
      };
    });
  }
}

export function postgresRateLimiters(pool: pg.Pool): RateLimiterFactory {
  return (bucket, limit, nowMs) => new PostgresRateLimiter(pool, bucket, limit, nowMs);
}
