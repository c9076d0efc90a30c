/**
 * A per-client limit on ticket creation (sliding window, in memory). A request takes a slot once
 * its body has arrived whole and within the size limit (put this after readBodyWithin), so slow
 * or abandoned uploads take none, and before any work, so concurrent requests cannot slip past
 * the limit together; the slot is given back when no ticket came of it (invalid input, spam, an
 * idempotent replay), so a person fixing typos is not locked out. SlidingWindowLimiter keeps the
 * hits in memory, which is right for one instance; several instances on PostgreSQL share theirs
 * through the database (store/postgres/rate-limits.ts), so N instances allow the limit once.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { ProblemError, problemTypes } from '../problem.ts';

export interface RateLimit {
  /** Tickets one client may create per window. Default 5. */
  max: number;
  /** Length of the sliding window in seconds. Default 600 (10 minutes). */
  windowSeconds: number;
}

export const defaultTicketRateLimit: RateLimit = { max: 5, windowSeconds: 600 };

export type Take =
  { allowed: true; release(): void } | { allowed: false; retryAfterSeconds: number };

/** Takes a slot for a client, or says how long until one frees up. */
export interface RateLimiter {
  take(client: string): Take | Promise<Take>;
}

/** Makes the limiter of one kind of request ("tickets", "votes"…) with its limit. */
export type RateLimiterFactory = (
  bucket: string,
  limit: RateLimit,
  nowMs?: () => number,
) => RateLimiter;

export const inMemoryRateLimiters: RateLimiterFactory = (_bucket, limit, nowMs) =>
  new SlidingWindowLimiter(limit, nowMs);

/** Beyond this many clients, forgotten ones are swept so memory stays bounded. */
const SWEEP_ABOVE = 10_000;

export class SlidingWindowLimiter implements RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #hits = new Map<string, number[]>();

  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.#max = limit.max;
    this.#windowMs = limit.windowSeconds * 1000;
    this.#now = now;
  }

  take(client: string): Take {
    const now = this.#now();
    const recent = (this.#hits.get(client) ?? []).filter((at) => at > now - this.#windowMs);
    if (recent.length >= this.#max) {
      this.#hits.set(client, recent);
      const oldest = recent[0] ?? now;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.#windowMs - now) / 1000)),
      };
    }
    recent.push(now);
    this.#hits.set(client, recent);
    if (this.#hits.size > SWEEP_ABOVE) this.#sweep(now);
    let released = false;
    return {
      allowed: true,
      release: () => {
        if (released) return;
        released = true;
        const hits = this.#hits.get(client);
        const index = hits?.indexOf(now) ?? -1;
        if (hits && index >= 0) hits.splice(index, 1);
      },
    };
  }

  #sweep(now: number): void {
    for (const [client, hits] of this.#hits) {
      if (hits.every((at) => at <= now - this.#windowMs)) this.#hits.delete(client);
    }
  }
}

/** 429 with Retry-After once the client used up its tickets for the window. */
export function limitTicketCreation(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slot = await limiter.take(c.get('clientAddress'));
    if (!slot.allowed) {
      throw new ProblemError(
        {
          type: problemTypes.rateLimited,
          title: 'Too many tickets',
          status: 429,
          detail: `Too many tickets from this address; try again in ${slot.retryAfterSeconds} seconds.`,
        },
        { 'Retry-After': String(slot.retryAfterSeconds) },
      );
    }
    try {
      await next();
    } finally {
      const created = c.res.status < 400 && c.res.headers.get('Idempotent-Replayed') !== 'true';
      if (!created) slot.release();
    }
  };
}
